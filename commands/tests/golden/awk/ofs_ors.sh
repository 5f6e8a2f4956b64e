printf 'a b\nc d\n' | awk 'BEGIN { OFS = "-"; ORS = "|\n" } { print $1, $2 } END { print "end" }'
echo 'x y' | awk -v OFS=: '{ print $1, $2; print $1 $2 }'
