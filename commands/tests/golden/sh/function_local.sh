x=global
f() { local x=local; echo $x; g; }
g() { echo "g sees $x"; }
f
echo $x
h() { local y; y=1; echo "[$y]"; }
h; echo "[$y]"
