awk 'BEGIN { printf "%s-%d\n", "a", 1 > "out"; printf("%s\n", "b") >> "out"; close("out"); while ((getline l < "out") > 0) print "r:", l }'
