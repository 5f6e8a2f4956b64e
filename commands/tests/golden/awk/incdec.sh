awk 'BEGIN { i = 5; print i++, i, ++i, i--, --i, i; a["k"]++; a["k"] += 2; print a["k"]; $0 = "1 2"; $2++; print $0; print -i++, i }'
