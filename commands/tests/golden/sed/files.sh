printf 'x\ny\n' > a
printf 'inc\n' > inc
sed '1r inc' a
sed 'r nonexist' a
sed -n '/x/w out' a
cat out
sed 's/y/Y/w out2' a > /dev/null
cat out2
sed p nope a
echo "status $?"
