printf 'b 2 x\na 10 y\nc 1 z\na 2 w\n' > f
sort -k2 f
sort -k2,2n f
sort -k1,1 -k2,2nr f
sort -t' ' -k3 f
sort -k1.1,1.1 -s f
printf 'x:3\ny:1\nz:2\n' | sort -t: -k2n
