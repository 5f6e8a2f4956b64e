printf 'hello world\nfoo_bar baz\n  indented\nword\n' > t
grep '\bbar' t
grep '\<wor' t
grep 'ld\>' t
grep '\w\+_\w\+' t
grep '^\s' t
grep -o '\S\+' t
grep -c '\W' t
grep -E '\Bor' t
