printf 'a\tb\001\\\n' > f
sed -n l f
seq -s ' ' 1 40 | sed -n l
seq -s ' ' 1 30 | sed -n 'l 20'
printf 'abc' | sed p
echo
printf 'one\ntwo\n' | sed -n '/one/{P;p}'
