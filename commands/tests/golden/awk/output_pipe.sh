awk 'BEGIN { print "c" | "sort"; print "a" | "sort"; print "b" | "sort"; close("sort"); print "after" }'
printf '3\n1\n2\n' | awk '{ print | "sort -n" } END { close("sort -n"); print "done" }'
