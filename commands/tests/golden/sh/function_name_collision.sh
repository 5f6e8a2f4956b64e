echo() { command echo "wrapped: $*"; }
echo hi
true() { return 5; }
true; echo $?
