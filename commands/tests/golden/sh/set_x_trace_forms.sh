set -x
a=1 b="two words"
echo "$b" 'q' $a
f() { echo in f; }
f arg
for i in 1; do :; done
