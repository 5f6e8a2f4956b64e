t() { if "$@"; then echo T; else echo F; fi; }
touch f; mkdir d; echo data > s
t test -e f
t test -f f
t test -d d
t test -f d
t test -s s
t test -s f
t test -e nope
t test -r f
t test -w f
t test -x d
t test -h f
ln -s f link
t test -L link
t test f -ef f
