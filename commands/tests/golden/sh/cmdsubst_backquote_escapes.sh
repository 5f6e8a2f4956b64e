echo `echo '\$HOME'`
echo `echo "a\\\\b"`
x=`printf 'x\n'`y
echo $x
echo "`echo "in dq"`"
