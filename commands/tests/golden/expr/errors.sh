expr 1 / 0
echo "status $?"
expr a + 1
echo "status $?"
expr 1 +
echo "status $?"
expr 1 2
echo "status $?"
expr
echo "status $?"
expr \( 1
echo "status $?"
