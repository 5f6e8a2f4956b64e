echo one > f
pwd > /dev/null
echo visible
read x < f
echo $x
