x=1
cat <<EOF
"double $x" 'single $x'
EOF
cat <<E\OF
partly $x
EOF
