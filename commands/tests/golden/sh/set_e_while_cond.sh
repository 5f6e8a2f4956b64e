set -e
i=0
while [ $i -lt 2 ]; do i=$((i+1)); done
until true; do :; done
echo $i
