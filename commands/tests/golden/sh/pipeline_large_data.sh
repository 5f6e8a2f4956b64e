i=0
while [ $i -lt 5000 ]; do echo "data line $i"; i=$((i+1)); done | wc -l
