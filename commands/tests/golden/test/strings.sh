# GNU test and [ as external commands (the shell's builtin is tested in the sh suite)
t() { "$@"; echo "$* -> $?"; }
t /usr/bin/test abc
t /usr/bin/test ''
t /usr/bin/test -n ''
t /usr/bin/test -z ''
t /usr/bin/test a = a
t /usr/bin/test a != a
t /usr/bin/test a '<' b
t /usr/bin/test b '>' a
t /usr/bin/test a == b
t /usr/bin/test ! a
t /usr/bin/test ! ''
t /usr/bin/test = = =
t /usr/bin/test -n -a -z
t /usr/bin/[ abc ]
t /usr/bin/[ ]
t /usr/bin/[ ! -z a -o -n b ]
