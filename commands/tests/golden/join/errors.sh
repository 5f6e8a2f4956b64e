printf 'b 1\na 2\n' > x
printf 'a x\n' > y
join x y
echo "status $?"
join x nope
echo "status $?"
