awk -v 'x=a\tb' -v n=5 'BEGIN { print x; print n + 1, (n == 5.0) }'
awk -v s='a\\b' 'BEGIN { print s, length(s) }'
awk -v FS=: -v OFS=- '{ $1 = $1; print }' <<EOF
a:b:c
EOF
