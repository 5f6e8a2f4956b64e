echo a b c | xargs echo
printf 'a\nb\nc\n' | xargs
printf '1 2 3 4 5\n' | xargs -n 2 echo
printf "a 'b c' \"d e\" f\\\\ g\n" | xargs -n1 echo
true | xargs echo empty
true | xargs -r echo empty
