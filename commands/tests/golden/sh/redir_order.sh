{ echo out; echo err >&2; } > f 2>&1
cat f
{ echo out2; echo err2 >&2; } 2>&1 > f2
cat f2
