set -u
echo "$@" "$#" "$*"
echo ok
