echo start
echo $(echo a
