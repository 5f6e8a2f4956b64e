echo 'a b c d' | awk '{ $3 = "X"; print; print NF }'
echo 'a b c' | awk 'BEGIN { OFS = "-" } { $5 = "e"; print; print NF }'
echo 'a   b   c' | awk '{ $1 = $1; print }'
echo 'a b c' | awk 'BEGIN { OFS = ":" } { print; $2 = $2; print }'
