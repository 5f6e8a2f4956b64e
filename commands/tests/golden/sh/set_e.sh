set -e
true
false || echo ok
if false; then :; fi
! true
false && echo no
echo still
false
echo unreachable
