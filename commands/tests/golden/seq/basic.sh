seq 5
seq 3 6
seq 1 2 10
seq 10 -3 1
seq 5 1
seq -3 -1
