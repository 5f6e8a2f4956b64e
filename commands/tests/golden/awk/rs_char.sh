printf 'a;b;c\n;d' | awk 'BEGIN { RS = ";" } { print NR "=" $0 "." }'
printf 'one two\nthree' | awk -v RS=' ' '{ print "<" $0 ">" }'
