cat <<EOF
$(echo "in heredoc" | tr a-z A-Z)
EOF
echo "a$(echo " spaced ")b"
