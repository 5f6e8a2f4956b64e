echo 'hello world foo bar baz' | fold -w 5
echo 'hello world foo bar baz' | fold -s -w 10
echo abcdefghij | fold -b -w 3
printf 'a\tbcdefghijklmnop\n' | fold -w 10
seq -s ' ' 1 60 | fold -w 40
seq -s ' ' 1 60 | fold -s -w 40
