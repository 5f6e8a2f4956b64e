echo 'echo from stdin $1' | sh -s arg
printf 'x=1\necho $x\n' | sh
