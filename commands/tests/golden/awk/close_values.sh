awk 'BEGIN { print close("never"); print "x" > "f"; print close("f"); "echo hi" | getline; print close("echo hi") }'
