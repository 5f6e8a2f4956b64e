printf 'read x\necho got $x\n' > r.sh
echo hello | sh r.sh
