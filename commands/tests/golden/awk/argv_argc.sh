awk 'BEGIN { print ARGC; for (i = 1; i < ARGC; i++) print i, ARGV[i] }' x 'y z' -
printf 'in1\n' > a1
printf 'in2\n' > a2
awk 'BEGIN { ARGV[1] = "a2"; ARGV[2] = "" } { print FILENAME, $0 }' a1 bogus
awk 'BEGIN { ARGV[ARGC++] = "a1" } { print "read", $0 }'
