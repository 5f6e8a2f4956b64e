cut f
echo "status $?"
cut -d ab -f1 /dev/null
echo "status $?"
cut -f0 /dev/null
echo "status $?"
cut -f3-1 /dev/null
echo "status $?"
cut -c1 nope
echo "status $?"
