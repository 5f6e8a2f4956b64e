{ echo a; echo b; } > g
cat g
if true; then echo inif; fi > h; cat h
for i in 1 2; do echo $i; done > k; cat k
while read l; do echo "r:$l"; done < k
f() { echo infunc; }
f > m; cat m
g() { echo redirected; } > n
g; cat n
