df | awk 'NR == 1 { print $1, $NF }'
df -h | awk 'NR == 1 { print $1, $2, $NF }'
df / | wc -l
df / | awk 'NR == 2 { print $NF }'
df nosuchfile; echo "status $?"
