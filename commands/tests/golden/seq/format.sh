seq -s, 5
seq -s ' : ' 3
seq -w 8 11
seq -w 1 0.5 3
seq -f '%03g' 3
seq -f 'n=%.1f' 1 0.5 2
seq 0.1 0.1 0.5
seq 1e2 1e2 3e2
