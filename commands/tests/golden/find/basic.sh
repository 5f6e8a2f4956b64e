mkdir -p t/a/b t/c; touch t/f.txt t/a/g.TXT t/a/b/h.c t/c/.hidden; ln -s f.txt t/lnk
find t | sort
echo "-- name"; find t -name '*.txt' | sort
echo "-- iname"; find t -iname '*.txt' | sort
echo "-- path"; find t -path '*a/b*' | sort
echo "-- type d"; find t -type d | sort
echo "-- type l"; find t -type l
echo "-- type f,l"; find t -type f,l | sort
echo "-- maxdepth"; find t -maxdepth 1 | sort
echo "-- mindepth"; find t -mindepth 2 -type f | sort
echo "-- dot"; cd t && find . -name '*.c'; find -name h.c
