x=world
cat <<EOF
hello $x
$(echo sub) $((1+1))
\$notvar \\ back
EOF
cat <<'EOF'
hello $x
EOF
cat <<"E2"
lit $x
E2
