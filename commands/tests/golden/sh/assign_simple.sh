a=1 b=2
echo $a $b
a=x$a
echo $a
c=
echo "[$c]"
