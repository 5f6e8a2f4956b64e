tr
echo "status $?"
tr a
echo "status $?"
tr a b c
echo "status $?"
tr -d a b
echo "status $?"
echo x | tr z-a x
echo "status $?"
