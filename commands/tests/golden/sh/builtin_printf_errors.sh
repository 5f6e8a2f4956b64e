printf '%d\n' abc
echo $?
printf '%d\n' 12abc
echo $?
printf '%q\n' x
echo $?
printf
echo $?
