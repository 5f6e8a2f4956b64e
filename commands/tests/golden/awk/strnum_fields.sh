printf '1.0 1\n0.10 .1\n1e2 100\nabc abc\n 2 2\n' | awk '{ print ($1 == $2) }'
echo '3 04' | awk '{ a[$1] = 1; print ((3 in a), ("3" in a)); if ($2 == 4) print "num eq"; if ($2 "" == "04") print "str kept" }'
