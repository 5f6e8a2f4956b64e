awk 'BEGIN { OFMT = "%.1f"; x = 2.345; print x; print x ""; print x, x + 1; printf "%s\n", x }'
