printf 'x\n' > t
grep x nope t
echo "status $?"
grep -s x nope t
echo "status $?"
grep -q x nope t
echo "status $?"
grep -E '(' t
echo "status $?"
grep '\(' t
echo "status $?"
grep '[a' t
echo "status $?"
grep 'a\{1' t
echo "status $?"
grep '\1' t
echo "status $?"
grep
echo "status $?"
mkdir d
grep x d
echo "status $?"
