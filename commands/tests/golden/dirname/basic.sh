dirname /usr/bin/sort
dirname stdio.h
dirname /usr/
dirname /
dirname //a//b//
dirname a/b c/d/e
dirname ''
dirname; echo "status $?"
