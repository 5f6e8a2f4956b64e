printf '1\n2\n3\n' | head -n 2
printf '1\n2\n3\n' > f
(head -n 1; cat) < f
head -n x f
echo "status $?"
