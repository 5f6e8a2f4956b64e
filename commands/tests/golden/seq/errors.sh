seq
echo "status $?"
seq x
echo "status $?"
seq 1 0 5
echo "status $?"
seq -f '%d' 3
echo "status $?"
