printf '5 a\n12 b\n3 c\n007 d\n' | awk '$1 > 4'
printf '5 a\n12 b\n3 c\n007 d\n' | awk '$1 == 7 { print "seven:", $2 } NR % 2'
printf 'x\n\ny\n' | awk 'NF'
