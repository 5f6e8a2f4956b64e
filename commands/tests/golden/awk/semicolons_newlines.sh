awk '
BEGIN {
  x = 1 ;
  if (x)
    print "one"
  else
    print "other"
  y = x &&
      1
  print y ,
    "cont"
  z = "long" \
      "line"
  print z
}
function f(a,
           b) {
  return a + b
}
END { print f(1,
  2) }' </dev/null
awk 'BEGIN{if(1)print "a";else print "b"}'
awk 'BEGIN { if (0) ; else print "empty then" }'
