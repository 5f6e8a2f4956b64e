expr 0 \| 5
expr '' \| 0
echo "status $?"
expr 3 \& 0
expr 3 \& 4
expr x \| y
expr 1 != 2
