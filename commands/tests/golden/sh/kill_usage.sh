kill
echo $?
kill -s BOGUS 1
echo $?
