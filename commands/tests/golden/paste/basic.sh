printf 'a\nb\nc\n' > x
printf '1\n2\n' > y
paste x y
paste -d, x y
paste -d':-' x y x
paste -s x y
paste -sd, x
printf '1\n2\n3\n4\n5\n' | paste - -
paste -d '\n' x y
