printf 'a b\nc\n' > f
wc < f
cat f | wc
cat f | wc -l
wc - < f
