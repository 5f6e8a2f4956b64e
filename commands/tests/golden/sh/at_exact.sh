set -- 'a b' '' c
for i in "$@"; do echo "[$i]"; done
for i in $@; do echo "<$i>"; done
for i in "$*"; do echo "{$i}"; done
set --
for i in "$@"; do echo never; done
echo "x$@y"
set -- p q
echo "x$@y"
