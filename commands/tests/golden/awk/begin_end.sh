awk 'BEGIN { print "only begin" }'
echo x | awk 'END { print NR, $0 }'
printf 'a\nb\n' | awk 'BEGIN { print "b1" } BEGIN { print "b2" } { print } END { print "e1" } END { print "e2", $0 }'
