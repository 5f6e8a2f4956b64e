awk 'BEGIN { print "one" > "out"; print "two" > "out"; close("out"); print "three" >> "out"; printf "%s\n", "four" >> "out" }'
cat out
awk 'BEGIN { print "x", "y" > "o2"; print("p", "q") > "o2" }'
cat o2
