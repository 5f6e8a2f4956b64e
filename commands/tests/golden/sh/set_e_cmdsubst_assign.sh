set -e
x=$(false)
echo unreachable
