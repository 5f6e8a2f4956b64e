printf '%s\n' a b c
printf '%d-%s\n' 1 x 2
printf '%5s|%-5s|%05d\n' ab cd 42
printf '%x %X %o %c\n' 255 255 8 hello
printf '%.2f %e %g\n' 3.14159 1234.5 0.0001
printf 'no newline'
printf '\n%%\n'
