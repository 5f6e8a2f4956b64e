n=0
printf '1\n2\n3\n' | while read x; do n=$((n+x)); done
echo $n
printf '1\n2\n3\n' | { while read x; do n=$((n+x)); done; echo $n; }
