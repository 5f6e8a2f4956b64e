awk 'BEGIN { print 1 " " 2 + 3; print 2 " " -1; x = 5; print x " " x++ " " x; print 1 2 * 3; print "a" (1 < 2) "b"; print 10 % 3 "x" }'
awk 'BEGIN { s = "a" "b" "c"; print s; print length(s "de") }'
awk 'BEGIN { $0 = "3 4"; print $1 $2; print $1 - $2 " " $1 * $2 }'
