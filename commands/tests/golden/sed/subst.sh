printf 'one two\nthree four\nfive\n' > t
sed 's/o/0/' t
sed 's/o/0/g' t
sed 's/o/0/2' t
sed -n 's/o/0/p' t
sed 's/\(o\)\(.\)/\2\1/g' t
sed -E 's/(o)(.)/\2\1/g' t
sed 's/.*/[&]/' t
sed 's/x*/-/g' t
sed 's/e/\n/' t
sed 's|o|/|g' t
sed 's/O/X/Ig' t
