awk 'function f(p) { return p == 0 && p == "" } BEGIN { print f(), f(u); print (u < 1), (u < "a"), length(u) }'
echo 'x' | awk '{ v = $3; print (v == 0), (v == ""), (substr($0, 5) == 0) }'
