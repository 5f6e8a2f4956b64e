awk 'BEGIN { print length(x), x + 0, "[" x "]"; if (x == 0 && x == "") print "both"; if (!x) print "false" }'
echo 'a' | awk '{ print ($5 == 0), ($5 == ""), length($5) }'
awk 'BEGIN { a[1]; print length(a[1]), (a[1] == 0), (2 in a), (1 in a) }'
