f() { return; }
false; f; echo $?
g() { false; }
g; echo $?
h() { return 300; }
h; echo $?
