printf 'l1\nl2\nl3\n' | awk '{ getline line; print $0 "+" line, NR, NF } END { r = getline x; print "end", r }'
