echo 'aGVsbG8K!' | base64 -d
echo "status $?"
echo aGVsbG8 | base64 -d
echo "status $?"
base64 nope
echo "status $?"
