seq 1 30 | column
seq 1 30 | column -c 40
seq 1 30 | column -x
seq 1 100 | sed 's/$/xxxxxxxx/' | column
printf 'alpha\nbeta\ngamma\ndelta\nepsilon\n' | column -c 30
column nope
echo "status $?"
