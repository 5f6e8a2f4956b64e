list="a b
c"
for x in $list; do echo "<$x>"; done
for x in "$list"; do echo "{$x}"; done
IFS=,
csv="1,2,,3"
for x in $csv; do echo "[$x]"; done
