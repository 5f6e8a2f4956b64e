printf 'one\n' > a; printf 'two\n' > b; gzip a b
zcat a.gz b.gz; ls
cat a.gz | zcat
zcat missing.gz; echo "status $?"
