printf 'echo "args: $*"\necho "zero: $0"\n' | sh -s a b | sed 's/zero: .*/zero ok/'
