printf 'hello\n' > a
printf '' > e
md5sum a e
md5sum < a
printf 'x' | md5sum -
md5sum --tag a
md5sum -b a
