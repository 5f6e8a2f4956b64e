awk 'BEGIN { print "before"; r = system("echo inside"); print "after", r; r2 = system("true"); print r2 }'
