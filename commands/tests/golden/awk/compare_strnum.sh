printf '10 9\n10 10.0\nabc 9\n 1e1 10\n0x10 16\n+5 5\n' | awk '{ print ($1 < $2), ($1 == $2), ($1 > $2) }'
echo '10' | awk '{ print ($1 < "9"), ($1 < 9), ("10" < "9"), (10 < 9) }'
awk 'BEGIN { a = "10"; b = 9; print (a < b); x = "3.0"; print (x == 3), (x + 0 == 3) }'
