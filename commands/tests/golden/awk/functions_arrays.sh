awk 'function fill(arr, n,   i) { for (i = 1; i <= n; i++) arr[i] = i * i; return n }
function sum(arr,   k, s) { for (k in arr) s += arr[k]; return s }
function noret() { }
function loc(x,   tmp) { tmp = x * 2; x = 0; return tmp }
BEGIN { fill(sq, 4); print sum(sq), sq[3]; v = 21; print loc(v), v; print "[" noret() "]"; i = 99; fill(z, 2); print i }'
awk 'function g(a) { a["k"] = "v" } BEGIN { g(arr); print arr["k"] }'
awk 'function chg(s) { s = "changed"; return s } BEGIN { t = "orig"; chg(t); print t }'
