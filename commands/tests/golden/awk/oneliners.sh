cat > sample.txt <<'EOF'
alpha 10 x1  foo
beta  20 x2  bar baz

gamma 30 x3
  delta 40 x4 qux  
alpha 50 x5 foo
epsilon	60	x6	tab
zeta 7.5 x7 -3
eta -2 x8 1e2
theta 0010 x9 abc123def
EOF
awk '1; { print "" }' sample.txt
awk 'BEGIN { ORS = "\n\n" }; 1' sample.txt
awk 'NF { $0 = ++a " :" $0 }; { print }' sample.txt
awk '{ print NF ":" $0 }' sample.txt
awk '{ $1 = ""; print }' sample.txt
awk '{ sub(/^[ \t]+/, ""); print }' sample.txt
awk '{ sub(/[ \t]+$/, ""); print }' sample.txt
awk '{ gsub(/^[ \t]+|[ \t]+$/, ""); print }' sample.txt
awk '{ printf "%5d : %s\n", NR, $0 }' sample.txt
awk '{ s = 0; for (i = 1; i <= NF; i++) s = s + $i; print s }' sample.txt
awk '{ for (i = 1; i <= NF; i++) s = s + $i }; END { print s + 0 }' sample.txt
awk '{ for (i = 1; i <= NF; i++) if ($i < 0) $i = -$i; print }' sample.txt
awk '{ total = total + NF }; END { print total }' sample.txt
awk '/alpha/ { n++ }; END { print n + 0 }' sample.txt
awk '$2 > max { max = $2; maxline = $0 }; END { print max, maxline }' sample.txt
awk 'NF > 2' sample.txt
awk '{ print $NF }' sample.txt
awk '{ field = $NF }; END { print field }' sample.txt
awk 'NF > 3' sample.txt
awk '$NF > 4' sample.txt
awk '{ a[i++] = $0 } END { for (j = i - 1; j >= 0;) print a[j--] }' sample.txt
awk '{ $2 = ""; print }' sample.txt
awk '{ for (i = NF; i > 0; i--) printf("%s ", $i); printf("\n") }' sample.txt
awk '!a[$1]++' sample.txt
awk '!($0 in a) { a[$0]; print }' sample.txt
awk '{ printf("%s%s", $0, (NR % 2 == 0) ? "\n" : " ") } END { print "" }' sample.txt
awk 'NR < 4' sample.txt
awk 'END { print }' sample.txt
awk '/gamma/, /delta/' sample.txt
awk 'NR == 3, NR == 6 { print NR, $0 }' sample.txt
awk 'length > 20' sample.txt
awk '{ print length($0) }' sample.txt
awk '{ n = split($0, w, /x[0-9]/); print n, w[1] }' sample.txt
awk '{ print toupper(substr($1, 1, 1)) substr($1, 2) }' sample.txt
awk '{ gsub(/[aeiou]/, "<&>"); print }' sample.txt
awk '{ $3 = sprintf("%08.3f", $2); print }' sample.txt
awk 'BEGIN { FS = "[ \t]+" } { print NF, $2 }' sample.txt
awk '{ print match($0, /[0-9]+/), RSTART, RLENGTH }' sample.txt
awk '{ c[$1] += $2 } END { for (k in c) print k, c[k] | "sort"; close("sort"); print "done" }' sample.txt
awk '{ line[NR] = $0 } END { for (i = NR; i > 0; i--) print line[i] }' sample.txt
awk '{ print $2 + 0, $2 * 2, $2 / 3, $2 % 7 }' sample.txt
awk '{ print ($2 > 9), ($2 == "10"), ($4 < "c") }' sample.txt
awk '{ $0 = tolower($0); print $1 }' sample.txt
awk '{ x = $2; x++; print x, $2 }' sample.txt
awk 'BEGIN { OFS = "|" } { $1 = $1 } 1' sample.txt
awk '{ print index($0, "x"), substr($0, index($0, "x")) }' sample.txt
