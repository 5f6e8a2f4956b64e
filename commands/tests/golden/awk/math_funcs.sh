awk 'BEGIN { printf "%.5f %.5f %.5f %.5f %.5f %.5f\n", sin(1), cos(0), atan2(1, 1) * 4, exp(1), log(10), sqrt(2); print int(3.9), int(-3.9), int("4.5abc"), exp(0), sqrt(16) }'
