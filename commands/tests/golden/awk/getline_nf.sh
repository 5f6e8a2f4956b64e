printf 'a b c\n' > data
echo 'x' | awk '{ getline < "data"; print NF, $2, NR, FNR }'
echo 'x y' | awk '{ getline z < "data"; print NF, z }'
