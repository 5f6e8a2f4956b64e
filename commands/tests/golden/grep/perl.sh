printf 'abc123\nfoo bar\nx.y 42\n' > t
grep -P '\d+' t
grep -oP '\d+' t
grep -oP 'fo+?' t
grep -P '(?:foo|abc)\d' t
grep -oP '[\d.]+' t
grep -oP 'a.*?\d' t
