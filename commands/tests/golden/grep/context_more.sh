printf 'foo\nbar\nbaz\nfoo\nx\ny\nfoo\n' > a
printf 'q\nfoo\n' > b
grep -A1 foo a b
grep -B1 -o 'f.' a
grep -m1 -A2 foo a
grep -q -L zzz a
echo "status $?"
grep -c -l foo a b
