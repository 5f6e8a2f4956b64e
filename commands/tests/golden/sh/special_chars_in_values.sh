x='a*b?c[d]'
echo "$x"
touch aXb
echo $x
y='  spaced  '
echo "[$y]" [$y]
z='$HOME `x` $(y)'
echo "$z"
