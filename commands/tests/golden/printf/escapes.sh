printf 'a\tb\101\n'
printf '%b\n' 'x\ty' 'z\0101'
printf '%b' 'stop\c' 'more'
printf '\n'
printf '%d\n' "'A" '"B'
printf '%i %d\n' 0x10 010
printf '%*d|%-*d|%.*s\n' 4 7 3 8 2 abcdef
