> created
[ -f created ] && echo created
< created
echo status $?
