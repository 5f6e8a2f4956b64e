echo before
set -n
echo not executed
