printf 'hello\n' > a
seq 1 1000 > b
sha1sum a b
sha224sum a
sha256sum a b
sha384sum a
sha512sum a b
