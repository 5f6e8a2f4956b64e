printf 'abc123def45\nnone\nx1\n' > t
grep -o '[0-9]\+' t
grep -on '[a-z]*' t
grep -ob '[0-9]' t
grep -oE 'a|ab|abc' t
echo xabcbcdy | grep -oE '(a|ab)(c|bcd)(d*)'
