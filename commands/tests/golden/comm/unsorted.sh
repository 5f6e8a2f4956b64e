printf 'b\na\n' > x
printf 'a\n' > y
comm x y
echo "status $?"
comm --nocheck-order x y
echo "status $?"
comm x
echo "status $?"
