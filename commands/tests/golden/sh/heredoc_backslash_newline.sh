cat <<EOF
joined \
line
keep \\ one
EOF
