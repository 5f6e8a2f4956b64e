printf 'a b\tc d\te\n' | awk -F'\t' '{ print $2 }'
printf 'a b\tc d\te\n' | awk -Ft '{ print $3 }'
printf 'a b\tc d\n' | awk 'BEGIN { FS = "\t" } { print $1 }'
