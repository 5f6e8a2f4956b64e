printf 'aaa\na+b\nab\nabab\n(x)\nend$\n' > t
grep 'a+b' t
grep 'a\+b' t
grep 'a\{2,\}' t
grep '\(ab\)\1' t
grep 'x\|end' t
grep 'end\$' t
grep '^a*$' t
grep '(x)' t
grep 'a\?b' t
