printf 'a\tb\001c  d\r\n\n  x' | wc
printf 'a\tb\001c  d\r\n\n  x' | wc -L
printf '' | wc
