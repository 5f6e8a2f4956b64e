test a -eq
echo $?
test -eq a
echo $?
test 1 -eq 1 1
echo $?
test a = b c
echo $?
