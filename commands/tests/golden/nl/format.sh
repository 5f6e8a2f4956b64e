printf 'a\n\nb\nc\n' > f
nl -nln f
nl -nrz f
nl -nrn -w2 f
nl -bp'^[ab]' f
nl nope
echo "status $?"
