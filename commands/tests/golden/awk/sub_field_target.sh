echo 'a   b' | awk '{ gsub(/x/, "y", $2); print; gsub(/x/, "y", $4); print; print NF }'
echo 'a   b' | awk '{ gsub(/b/, "B", $2); print; print NF }'
echo 'k=v; k2=v2' | awk -F'; ' '{ for (i = 1; i <= NF; i++) { sub(/=.*/, "", $i) } print }'
