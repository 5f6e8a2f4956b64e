echo 'a b c d' | awk '{ i = 2; print $i, $(i + 1), $NF, $(NF - 1); print $i++; print i; $(i + 1) = "Z"; print }'
echo '3 x y z' | awk '{ print $$1 }'
