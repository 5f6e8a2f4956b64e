mkdir d
sort d
echo "status $?"
