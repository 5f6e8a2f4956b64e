x=notexported
f() { echo "func in sub: $x $1"; }
set -- p1 p2
alias al='echo alias'
( f $2; echo "$#: $*"; umask )
umask 027
( umask )
(cd /; pwd)
pwd | grep -c /
( set -e; false; echo no )
echo "sub status $?"
