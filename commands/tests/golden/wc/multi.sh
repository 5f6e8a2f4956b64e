printf 'a\n' > a
seq 1 1000 > b
wc a b
wc -l a b
wc a nope b
echo "status $?"
mkdir d
wc d
echo "status $?"
