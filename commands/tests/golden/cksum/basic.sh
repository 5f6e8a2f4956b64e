printf 'hello\n' > a
printf '' > e
seq 1 10000 > b
cksum a e b
cksum < a
printf '' | cksum
cksum nope
echo "status $?"
