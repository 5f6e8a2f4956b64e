printf 'a\tb\tc\n' | expand
printf 'a\tb\n' | expand -t 4
printf 'a\tb\tc\td\n' | expand -t 2,5
printf '\ta\tb\n' | expand -i
printf 'abcdefgh\tx\n' | expand
