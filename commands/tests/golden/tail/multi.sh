printf 'a\nb\n' > x
printf 'c\n' > y
tail x y
tail -q -n1 x y
tail nope x
echo "status $?"
tail -n x x
echo "status $?"
