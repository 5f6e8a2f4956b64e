printf '*a\nab\nb\n' > t
grep -E '*a' t
grep -E '+b' t
grep -E '{1}a' t
grep -c -E 'a|*b' t
grep '[:space:]' t
echo "status $?"
grep -c '\*a' t
