seq 1 12 > in
awk '/3/,/5/' in
awk 'NR == 2, NR == 4 { print "r", $0 }' in
awk '$1 % 4 == 0, $1 % 4 == 0 { print "same", $0 }' in
awk '/10/,/nomatch/' in
