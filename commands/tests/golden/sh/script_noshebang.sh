printf 'echo run as script $1\n' > s
chmod +x s
./s arg
