echo a b c | read x y z; echo "[$x]"
printf '3\n1\n2\n' | sort | { read first; echo "first=$first"; }
echo hello | tr a-z A-Z | cat
