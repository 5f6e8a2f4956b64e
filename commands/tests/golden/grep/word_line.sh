printf 'foo bar\nfoobar\nbar foo\nfoo\n' > t
grep -w foo t
grep -x foo t
grep -wc bar t
grep -x -e foo -e 'foo bar' t
echo 'foo bar foobar' | grep -ow 'foo\w*'
