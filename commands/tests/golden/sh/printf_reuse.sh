printf '%s-%s\n' 1 2 3 4 5
printf '[%s]\n'
printf '%d,' 1 2 3; echo
