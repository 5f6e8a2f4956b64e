x="a;b|c&d"
echo "$x"
y=a\ b
echo "$y"
z='single '"double"
echo "$z"
