echo 'a b c d e' | awk '{ NF = 2; print; print NF }'
echo 'a b' | awk 'BEGIN { OFS = "," } { NF = 4; print; $0 = "x y z"; print NF, $3 }'
echo 'a b c' | awk '{ NF--; print }'
