set -- 1 2 3 4 5 6 7 8 9 10 11
echo $10 ${10} ${11}
shift 9
echo $# $1 $2
