printf '  b\na\n c\n' > f
sort f
sort -b f
printf 'a1\na10\na2\nb1.10\nb1.9\n' | sort -V
printf 'b\nA\na\nB\n' | sort -s -f
printf 'x\nx\ny\n' | sort -u
printf 'c\nb\na\n' > g
sort -o g g
cat g
