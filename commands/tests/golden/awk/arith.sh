awk 'BEGIN { print 7 / 2, -7 % 3, 7 % -3, 2 ^ 3 ^ 2, -2 ^ 2, 2 ^ 4, 1e3 + 1, 10 / 4 * 2 }'
awk 'BEGIN { print 1 / 3; print 100000 * 100000; print 2 ^ 53; print 2 ^ 53 + 1; print -3 / 2; print 0.1 + 0.2 }'
awk 'BEGIN { x = "3x"; print x + 1, +"", -"4", !"", !"a", !0, !"0" }'
