mkdir t; touch t/a t/b
find t -type f -print0 | tr '\0' '\n' | sort
find t -type f -printf '%f %p %s %y %d\n' | sort
find t -printf '%P|%h\n' | sort
