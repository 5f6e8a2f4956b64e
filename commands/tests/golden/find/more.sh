mkdir -p t/sub; touch t/a.c t/b.h t/sub/c.c; ln -s a.c t/lnk; chmod 755 t/b.h; chmod 644 t/a.c t/sub/c.c
echo "-- regex"; find t -regex '.*\.c' | sort; find t -regextype posix-extended -regex '.*/(a|b)\.[ch]' | sort
echo "-- iregex"; find t -iregex '.*A\.C'
echo "-- lname"; find t -lname 'a.*'
echo "-- executable"; find t -type f -executable
echo "-- samefile"; ln t/a.c t/hard; find t -samefile t/a.c | sort
echo "-- ok"; printf 'y\nn\n' | find t -name '*.c' -ok echo got {} \; 2>/dev/null | wc -l
echo "-- ls"; touch -d '2020-01-02 03:04:05' t/b.h; find t/b.h -ls | awk '{print $3, $4, $5, $6, $7, $8, $9, $10, $11}'
