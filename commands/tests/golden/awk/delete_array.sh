awk 'BEGIN { for (i = 0; i < 5; i++) a[i] = i; delete a; n = 0; for (k in a) n++; print n; a["new"] = 1; for (k in a) print k }'
awk 'BEGIN { for (i = 0; i < 10; i++) a[i] = i; for (k in a) if (k % 2) delete a[k]; for (k in a) s = s " " k; print length(s) }'
