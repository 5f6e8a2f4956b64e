printf 'a b c\nlonger x y\nz\n' | column -t
printf 'a:b:c\nlong::y\n' | column -t -s:
printf 'a b c\nlonger x y\n' | column -t -o '|'
printf 'a  b\n\nc d\n' | column -t
printf 'one two\nthree  four  five\n' | column -t
