awk 'BEGIN { printf "%d %i %o %x %X %u %c %c %s %%\n", 42.9, -3.2, 8, 255, 255, 7, 65, "hello", "str"; printf "%e %E %f %g %G\n", 12345.678, 0.00012, 3.14159, 0.0000123, 1e20; printf "%s %d\n", "10abc", "10abc" }'
awk 'BEGIN { printf "%c%c%c\n", "", 66, "xyz"; printf "no newline"; printf "\n"; printf "%5s|%-5s|%.2s\n", "ab", "ab", "abcdef" }'
