t() { "$@"; echo "$* -> $?"; }
t /usr/bin/[ 1 -eq
t /usr/bin/[ a = a
t /usr/bin/test 1 -eq x
t /usr/bin/test x -eq 1
t /usr/bin/test a b
t /usr/bin/test a -a
t /usr/bin/test -Q x
t /usr/bin/test 1 2 3 4 5
t /usr/bin/test '(' a
t /usr/bin/test '(' a b ')'
t /usr/bin/test
