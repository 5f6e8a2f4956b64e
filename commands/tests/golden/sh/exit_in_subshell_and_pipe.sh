(exit 3) | true
echo $?
true | (exit 4)
echo $?
echo x | exit 5
echo still here $?
