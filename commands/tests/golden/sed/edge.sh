printf 'one two\nthree four\nfive\n\nsix seven\n' > t
seq 10 > n
printf 'x' | sed '$a\'
echo
sed -s '1d' t n
sed '/^$/N;/\n$/D' t
sed -n '/one/,$p' t
sed '$!N;$!D' n
sed 's/./&-/3g' t
sed 's/x/y/;ta;s/$/ no/;b;:a;s/$/ yes/' t
sed '1h;1!H;$!d;x;s/\n/+/g' n
echo x | sed 's//X/'
echo "status $?"
