printf 'one\ntwo\n' > a
printf 'three\n' > b
cat a b
cat - a < b
cat < a
