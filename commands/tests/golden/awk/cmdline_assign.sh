printf 'l\n' > f
awk '{ print x, $0 }' x=1 f x=2 f
echo 'stdin' | awk '{ print v, $0 } END { print v }' v=first - v=last
awk 'BEGIN { print "[" x "]" } END { print x }' x=set f
