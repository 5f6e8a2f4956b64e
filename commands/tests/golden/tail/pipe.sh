seq 1 100000 | tail -n 2
seq 1 5 | tail -c 4
