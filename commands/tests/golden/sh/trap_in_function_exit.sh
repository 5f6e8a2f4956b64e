f() { trap 'echo cleanup' EXIT; echo in f; }
f
echo after f
