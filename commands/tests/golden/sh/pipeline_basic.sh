echo hello | cat
printf 'b\na\nc\n' | sort | head -n 2
echo x | { read v; echo "got $v"; }
