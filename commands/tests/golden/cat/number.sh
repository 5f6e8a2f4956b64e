printf 'a\n\n\nb\n\n' > f
cat -n f
cat -b f
cat -s f
cat -sn f
