printf 'f1\nf2 x\n' > data
awk 'BEGIN { while ((getline line < "data") > 0) print "got:", line; close("data"); getline < "data"; print $0, NF, NR; print (getline nope < "missing") }'
