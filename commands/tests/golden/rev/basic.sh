printf 'abc\nhello world\n\nx' | rev
echo
printf 'ab\n' > f
rev f f
