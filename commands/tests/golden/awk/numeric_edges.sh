awk 'BEGIN { x = log(-1); print (x < 1), (x > 1), (x == x), (x != x), (x >= 1), (x <= 1) }' 2>/dev/null
awk 'BEGIN { print 2 ^ 1000; print -2 ^ 1001; print 2 ^ 1024 }'
awk 'BEGIN { print 1 / 0 }' 2>/dev/null; echo "status $?"
awk 'BEGIN { x = 1 % 0 }' 2>/dev/null; echo "status $?"
awk 'BEGIN { print 1 / !"a" }' 2>/dev/null; echo "status $?"
awk 'BEGIN { print 1 / (0) }' 2>/dev/null; echo "status $?"
awk 'BEGIN { z = ""; print 1 / z }' 2>/dev/null; echo "status $?"
