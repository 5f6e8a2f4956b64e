printf 'l1\nl2\nl3\nl4\n' | awk 'NR == 1 { getline; print "after getline:", $0, NR } { print "rule", $0 }'
printf 'a b\nc d e\n' | awk '{ r = getline; print r, NF, $0 } END { print NR }'
