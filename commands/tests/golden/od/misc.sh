printf 'aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n' | od -c
printf 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n' | od -v -c
printf 'hello world\n' | od -j 3 -N 4 -c
printf 'hello world\n' | od -w4 -c
printf '\0\a\b\f\n\r\t\v' | od -c
printf '' | od
od nope
echo "status $?"
