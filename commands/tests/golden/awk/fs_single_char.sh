printf 'a:b::d\n:x:\n' | awk -F: '{ print NF; for (i = 1; i <= NF; i++) printf "[%s]", $i; print "" }'
printf 'a.b.c\n' | awk -F. '{ print $2, NF }'
printf 'a|b|c\n' | awk -F'|' '{ print $3 }'
