yes | head -n 3
seq 1 100000 | head -c 20
echo
