printf 'a\nb\nc\n' > f1
printf 'd\ne\n' > f2
awk 'NR == 2 { next } { print }' f1 f2
awk 'FNR == 2 { nextfile } { print FILENAME, $0 }' f1 f2
awk 'function skip() { next } $0 == "b" { skip() } { print "got", $0 }' f1
