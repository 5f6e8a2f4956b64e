printf 'a b\0c\0' | xargs -0 -n1 echo
printf 'a:b:c' | xargs -d: -n2 echo
