awk 'BEGIN { z = 0; x = 1 / z; print "no" }' 2>/dev/null; echo "status $?"
awk '{ print }' /nonexistent/file 2>/dev/null; echo "status $?"
awk 'BEGIN { printf "%s %s\n", "one" }' 2>/dev/null; echo "status $?"
