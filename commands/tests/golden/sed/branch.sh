printf 'a1\nb2\nc3\n' > t
sed 's/a/X/;t;s/$/ no/' t
sed 's/a/X/;T;s/$/ yes/' t
sed '/b/b end;s/./_/;:end' t
sed -n '/a/{n;p}' t
sed ':x;s/[0-9]//;tx' t
