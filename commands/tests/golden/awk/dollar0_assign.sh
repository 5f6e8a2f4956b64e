echo 'x' | awk '{ $0 = "p q r s"; print NF, $2; $0 = ""; print NF }'
echo '1 2 3' | awk '{ $2 = ""; print; print NF }'
