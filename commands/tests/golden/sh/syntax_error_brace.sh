echo ${x
echo more
