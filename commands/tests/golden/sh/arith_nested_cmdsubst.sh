echo $(( $(echo 3) * $(echo 4) ))
x=5
echo $(( x > 3 ? x * 2 : 0 ))
echo $((x)) $(( (x+1) * 2 ))
