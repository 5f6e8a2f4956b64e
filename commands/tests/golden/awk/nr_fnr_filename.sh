printf 'a\nb\n' > f1
printf 'c\nd\ne\n' > f2
awk '{ print FILENAME, NR, FNR, $0 } END { print NR, FILENAME }' f1 f2
awk 'FNR == 1 { print "start", FILENAME }' f1 f2 f1
