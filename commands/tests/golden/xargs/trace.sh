echo a b | xargs -t echo hi
seq 1 6 | xargs -n 2 -P 1 echo
seq 3 | xargs -n1 sh -c 'cat; echo $0'
