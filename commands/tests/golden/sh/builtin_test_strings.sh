t() { if "$@"; then echo T; else echo F; fi; }
t test a = a
t test a != a
t test -n ''
t test -z ''
t test abc
t test ''
t [ a \< b ]
t [ b \> a ]
t test
t test -n
t [ ! a = b ]
t [ a = a -a b = c ]
t [ a = a -o b = c ]
t [ \( a = b \) -o c = c ]
