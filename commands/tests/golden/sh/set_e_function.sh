set -e
f() { false; echo after false in f; }
f || echo f failed
echo next
f
echo unreachable
