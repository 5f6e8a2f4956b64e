cat > p1.awk <<'EOF'
function twice(x) { return 2 * x }
EOF
cat > p2.awk <<'EOF'
BEGIN { print twice(21) }
# comment line
{ print "line:", $0 }
EOF
echo input | awk -f p1.awk -f p2.awk
echo 'BEGIN { print "from f" }' > p3.awk
awk -f p3.awk
