seq 1 100000 | sort -n | tail -n 1
seq 100000 | wc -l
