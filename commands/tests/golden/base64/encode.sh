echo hello | base64
printf '' | base64
printf a | base64
printf ab | base64
seq 100 | base64 -w 20
seq 100 | base64 -w 0
echo
printf 'hello\n' > f
base64 f
