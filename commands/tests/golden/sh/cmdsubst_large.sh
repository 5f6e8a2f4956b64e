x=$(i=0; while [ $i -lt 3000 ]; do echo "line $i of a fairly long output text"; i=$((i+1)); done)
printf '%s\n' "$x" | wc -l
printf '%s\n' "$x" | tail -n 1
