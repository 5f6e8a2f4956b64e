awk 'BEGIN { s = "a.b.c"; n = split(s, p, "."); print n; gsub(".", "x", s); print s; t = "1+2"; print index(t, "+"), (t ~ "1\\+2") }'
