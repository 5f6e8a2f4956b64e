i=0
while [ $i -lt 3000 ]; do echo "row $i padding padding padding"; i=$((i+1)); done > gen
{ cat <<EOF
$(cat gen)
EOF
} | tail -n 2
