printf 'a\na\n' > f
uniq f out
cat out
uniq nope
echo "status $?"
