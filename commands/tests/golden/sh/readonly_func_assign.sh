readonly r=1
f() { r=2; }
f
echo not reached
