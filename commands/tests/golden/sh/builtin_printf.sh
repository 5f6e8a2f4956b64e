printf '%s|%s\n' a b c
printf '%d %i %o %x %X %u\n' 10 -3 8 255 255 7
printf '%5s|%-5s|%.2s\n' ab cd efgh
printf '%05d|%+d|% d\n' 42 42 42
printf '%.3f %e %g\n' 3.14159 1234.5 0.0001
printf '%c%c\n' hello world
printf '%b\n' 'a\tb' 'c\nd'
printf 'no args %s %d|\n'
printf '%%\n'
printf '\101\102\n'
printf "%d\n" "'A"
printf '%*d|%-*d|\n' 4 1 4 2
printf 'x\cy\n'; echo
