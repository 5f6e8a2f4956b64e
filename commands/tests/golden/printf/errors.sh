printf '%d\n' abc
echo "status $?"
printf '%d\n' 3x
echo "status $?"
printf '%z\n'
echo "status $?"
printf
echo "status $?"
