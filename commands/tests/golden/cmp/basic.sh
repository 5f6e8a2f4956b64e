printf 'abc\n' > a
printf 'abd\nx\n' > b
printf 'ab' > c
: > e
cmp a a
echo "status $?"
cmp a b
echo "status $?"
cmp -s a b
echo "status $?"
cmp a c
echo "status $?"
cmp e a
echo "status $?"
cmp -l a b
echo "status $?"
cmp -b a b
cmp -n 2 a b
echo "status $?"
cmp -i 1 a b
cmp nope a
echo "status $?"
