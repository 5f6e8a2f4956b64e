printf 'a\nb\n' > x
printf 'c\n' > y
head x y
head -q x y
head -v x
head -n1 x nope y
echo "status $?"
