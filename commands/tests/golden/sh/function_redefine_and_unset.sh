f() { echo one; }
f
f() { echo two; }
f
unset -f f
f
echo $?
