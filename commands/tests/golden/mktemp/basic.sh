f=$(mktemp -p .) && [ -f "$f" ] && echo "file ok" && ls -l "$f" | cut -c1-10
d=$(mktemp -d -p .) && [ -d "$d" ] && echo "dir ok" && ls -ld "$d" | cut -c1-10
g=$(mktemp foo.XXXXXX) && echo "$g" | grep -c '^foo\.[A-Za-z0-9]\{6\}$'
h=$(mktemp bar.XXXX.txt) && echo "$h" | grep -c '^bar\.[A-Za-z0-9]\{4\}\.txt$'
TMPDIR=$PWD; export TMPDIR
t=$(mktemp -t q.XXXXXX) && case $t in "$PWD"/q.*) echo "tmpdir ok";; esac
u=$(mktemp); case $u in "$PWD"/tmp.*) echo "default ok";; esac
mktemp -u x.XXX | grep -c '^x\.'
mktemp abc; echo "status $?"
mktemp -q abc; echo "status $?"
mktemp nodir/x.XXXX; echo "status $?"
mktemp -d nodir/x.XXXX; echo "status $?"
