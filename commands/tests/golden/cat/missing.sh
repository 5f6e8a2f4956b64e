printf 'x\n' > a
cat a nope a
echo "status $?"
