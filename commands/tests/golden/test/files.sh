t() { "$@"; echo "$* -> $?"; }
mkdir d
printf 'x' > f
: > empty
ln -s f link
ln -s missing dangling
chmod 755 f
t /usr/bin/test -e f
t /usr/bin/test -e missing
t /usr/bin/test -f f
t /usr/bin/test -f d
t /usr/bin/test -d d
t /usr/bin/test -s f
t /usr/bin/test -s empty
t /usr/bin/test -L link
t /usr/bin/test -h dangling
t /usr/bin/test -e dangling
t /usr/bin/test -x f
t /usr/bin/test -x empty
t /usr/bin/test -r f
t /usr/bin/test -w f
t /usr/bin/test -p f
t /usr/bin/test f -ef link
t /usr/bin/test f -ef empty
t /usr/bin/test f -nt missing
t /usr/bin/test missing -ot f
t /usr/bin/test -d d -a -f f
t /usr/bin/test -d f -o -f f
t /usr/bin/test '(' -d d ')' -a ! -e missing
