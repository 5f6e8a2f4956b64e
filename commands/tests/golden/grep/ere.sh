printf 'aaa\na+b\nab\nabab\n(x)\ncolor colour\n' > t
grep -E 'a+b' t
grep -E 'a\+b' t
grep -E '(ab){2}' t
grep -E 'colou?r' t
grep -E '^(aaa|ab)$' t
grep -E '\(x\)' t
grep -E 'a{,1}b' t
egrep 'x|aaa' t
