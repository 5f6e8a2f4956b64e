read x <<EOF
value here
EOF
echo "$x"
while read a b; do echo "$b $a"; done <<EOF
1 one
2 two
EOF
