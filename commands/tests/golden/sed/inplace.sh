printf 'hello\nworld\n' > f
sed -i 's/o/0/g' f
cat f
sed -i.bak '1d' f
cat f f.bak
printf 'x\n' > g
sed -i -e '$a end' f g
cat f g
