awk 'BEGIN { SUBSEP = ":"; a["x", "y"] = 1; for (k in a) print k; if (("x", "y") in a) print "in"; delete a["x", "y"]; print length(a["x:y"]) }'
