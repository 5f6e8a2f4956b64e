printf 'hello world\n' > t
sed 's/\w\+/\u&/g' t
sed 's/world/\U&\E!/' t
sed 's/\(.\)\(.*\)/\U\1\L\2/' t
sed -E 's/(\w+) (\w+)/\2 \1/' t
sed 's/o/0/2g' t
sed 's/[[:space:]]/\t/' t
