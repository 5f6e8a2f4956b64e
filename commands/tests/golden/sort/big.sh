seq 1 20000 | sort -n -r | head -n 3
seq 1 20000 | sort | tail -n 2
