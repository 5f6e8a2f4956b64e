sleep 0.1 && echo ok
sleep 0.05s 0.01 && echo sum
sleep 0m && echo zero
sleep; echo "status $?"
sleep x; echo "status $?"
sleep 1y; echo "status $?"
sleep -1; echo "status $?"
