set -e
true && false
echo unreachable
