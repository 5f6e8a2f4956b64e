paste nope
echo "status $?"
