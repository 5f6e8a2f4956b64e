x=$(echo hello)
echo "$x"
echo "$(echo a; echo b)"
echo $(echo a; echo b)
y=`echo back`
echo $y
echo "$(printf 'trail\n\n\n')|"
