printf 'a/b\na.b\naxb\ntab\there\n[x]\n' > in
awk '/\// { print "slash:", $0 }' in
awk '/a\.b/ { print "dot:", $0 }' in
awk '/\t/ { print "tab:", $0 }' in
awk '/[[]/ { print "bracket:", $0 }' in
awk '/^[^a-z]/ { print "nonlower:", $0 }' in
awk '$0 ~ /[\/.]/ { print "set:", $0 }' in
awk '/a{1}x/ { print "interval:", $0 }' in
