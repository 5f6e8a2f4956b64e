x=outer
x=inner sh -c 'echo $x'
echo $x
y=temp true
echo "[$y]"
