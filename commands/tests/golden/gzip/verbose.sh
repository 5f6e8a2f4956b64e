printf 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n' > f
gzip -v f 2>&1 | sed 's/[0-9.]*%/N%/'
gzip -dv f.gz 2>&1 | sed 's/[0-9.]*%/N%/'
gzip -kv f 2>&1 | sed 's/[0-9.]*%/N%/'
