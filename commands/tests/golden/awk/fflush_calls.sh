awk 'BEGIN { print "a"; fflush(); system("echo b"); print "c"; fflush("/dev/stdout"); print fflush("nonopen") }' 2>/dev/null
