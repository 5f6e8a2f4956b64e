printf '%b\n' '\x41\101\0101'
printf '%d|\n' ''
printf '%q\n' 'a b' abc "it's" '' 'a$b'
printf '\u00e9\n'
printf '%03s|\n' ab
echo "status $?"
printf '%5.1f|%e\n' 2.25 3
printf '%s %s\n' a
printf '%x %o %u\n' -1 -8 -1
printf '%.0f %.0f\n' 0.5 1.5
printf 'a\n' extra
