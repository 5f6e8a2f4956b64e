( cat <<EOF
sub heredoc
EOF
) | cat
cat <<EOF | while read l; do echo "[$l]"; done
a
b
EOF
