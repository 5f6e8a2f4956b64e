seq 1 100 > n; gzip n
gunzip n.gz && tail -n 1 n && ls n*
gzip n; gunzip -c n.gz | head -n 2; ls n*
gunzip -k n.gz; ls n*
mv n.gz x.tgz; gunzip x.tgz; ls x*
printf 'two\n' | gzip > m.gz; printf 'parts\n' | gzip >> m.gz; gunzip -c m.gz
