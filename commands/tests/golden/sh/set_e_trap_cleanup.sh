set -e
trap 'echo cleanup $?' EXIT
mkdir d
cd d
false
echo no
