printf 'a b c\n' | { read x y; echo "[$x][$y]"; }
printf '  lead  \n' | { read x; echo "[$x]"; }
printf 'back\\slash\n' | { read x; echo "[$x]"; }
printf 'back\\slash\n' | { read -r x; echo "[$x]"; }
printf 'one\ntwo\n' | { read a; read b; echo "$a $b"; }
printf 'noeol' | { read x; echo "$? [$x]"; }
printf 'a:b:c\n' | { IFS=: read x y z; echo "$x $y $z"; }
printf '' | { read x; echo "eof $?"; }
printf 'cont\\\nued\n' | { read x; echo "[$x]"; }
