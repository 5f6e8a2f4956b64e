printf 'abc\n123\n \t\nA-Z\n' | awk '/^[[:digit:]]+$/ { print "digits", NR } /^[[:space:]]+$/ { print "space", NR } /^[[:upper:]]/ { print "upper", NR } /^[[:alpha:]]+$/ { print "alpha", NR }'
awk 'BEGIN { s = "a(b)c"; gsub(/[()]/, "", s); print s; t = "x^y"; gsub(/\^/, "!", t); print t; u = "p$q"; sub(/\$/, "S", u); print u }'
