readonly x=1
x=2 true
echo after $?
