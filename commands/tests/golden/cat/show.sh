printf 'a\tb\001\177\200\n  end \n' > f
cat -A f
cat -E f
cat -T f
cat -v f
cat -et f
