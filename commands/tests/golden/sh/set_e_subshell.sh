set -e
(false; echo not printed)
echo unreachable
