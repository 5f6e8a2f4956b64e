mkdir -p t/d1 t/zz f; echo hello > t/a.c; seq 1 3000 > t/b.txt; touch t/d1/x.c; chmod 644 t/a.c t/b.txt t/d1/x.c; chmod 755 t t/d1 t/zz
echo hello > f/one; seq 1 3000 > f/two; : > f/zero
tree -p t
tree -s f | sed 1d
tree -h f | sed 1d
tree -I '*.c' t
tree -P '*.c' t
tree --dirsfirst t
tree -r t
tree -I 'd1|zz' t
