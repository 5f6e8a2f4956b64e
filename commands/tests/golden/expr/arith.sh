expr 1 + 2
expr 10 / 3
expr 10 % 3
expr 2 \* 3
expr 5 - -3
expr -7 / 2
expr \( 1 + 2 \) \* 3
expr 0
echo "status $?"
expr 1 - 1
echo "status $?"
