a=1 b=$a c=$b
echo $a $b $c
x=1
x=2 y=$x
echo $x $y
