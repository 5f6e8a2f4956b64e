printf 'one\ntwo\n' > t
sed -n p t
sed -e 's/one/1/' -e 's/two/2/' t
printf 's/one/ONE/\n$a\\\nadded\n' > script
sed -f script t
sed -s -n '$p' t t
sed -n '$p' t t
printf 'a\nb\n' | sed -z 's/\n/,/g'
echo
sed -E 's/(o|w)+/X/g' t
sed -r 's/n{1}/N/' t
