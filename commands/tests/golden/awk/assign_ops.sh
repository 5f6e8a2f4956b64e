awk 'BEGIN { x = 10; x += 5; print x; x -= 3; print x; x *= 2; print x; x /= 8; print x; x %= 2; print x; x ^= 3; print x; y = z = 4; print y, z; n = split("a b", arr) ; print n }'
