printf '%b' 'stop\chere'; echo
printf '%s\n' "%d"
printf '%5.1s|\n' abc
printf '%-3c|\n' x
printf '%x %o\n' -1 -1 | cut -c1-4
