f() { while read l; do echo "f:$l"; done; }
printf 'a\nb\n' | f | cat
g() { echo g-out; }
g | f
