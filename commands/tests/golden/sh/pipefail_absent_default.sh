false | true
echo $?
