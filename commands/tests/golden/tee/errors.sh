echo hi | tee nodir/x out
echo "status $?"
cat out
