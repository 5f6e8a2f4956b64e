awk 'BEGIN { s = "hello world"; n = sub(/o/, "0", s); print n, s; n = gsub(/o/, "[&]", s); print n, s; t = "a.b.c"; gsub(/\./, "\\&", t); print t; u = "abc"; gsub(/b/, "\\\\&", u); print u; v = "aaa"; print gsub(/a/, "b", v), v }'
echo 'one two one' | awk '{ n = gsub(/one/, "1"); print n, $0, NF, $1 }'
echo 'a b c' | awk '{ sub(/b/, "B", $2); print; print $0 }'
awk 'BEGIN { x = "foo"; gsub("o", "0", x); print x; y = "a+b"; gsub("\\+", "-", y); print y }'
