awk 'BEGIN { x = 3.14159265; print x; OFMT = "%.2f"; print x, x ""; CONVFMT = "%.3f"; y = x ""; print y; print 17, 17.0 ""; a[x] = 1; for (k in a) print k }'
