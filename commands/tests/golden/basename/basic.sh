basename /usr/bin/sort
basename include/stdio.h .h
basename /a/b/ 
basename /
basename //
basename ''
basename stdio.h stdio.h
basename -s .h a/x.h b/y.h
basename -a /a/b c/d
basename a b c; echo "status $?"
basename; echo "status $?"
basename -- -x
