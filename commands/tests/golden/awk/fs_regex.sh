printf 'a, b;c ,,d\n' | awk -F'[,;] *' '{ for (i = 1; i <= NF; i++) printf "<%s>", $i; print "" }'
printf 'fooXXbarXbaz\n' | awk 'BEGIN { FS = "X+" } { print NF, $2, $3 }'
printf '  a  b  \n' | awk -F'[ ]' '{ print NF }'
