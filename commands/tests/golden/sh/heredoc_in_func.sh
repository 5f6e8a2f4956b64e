f() {
  cat <<EOF
in func $1
EOF
}
f arg
f arg2 | cat
