echo $((1 +))
echo no
