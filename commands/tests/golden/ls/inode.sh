touch a; ln a b
ia=$(ls -i a | cut -d' ' -f1); ib=$(ls -i b | cut -d' ' -f1)
[ "$ia" = "$ib" ] && echo same inode
ls -li a | awk '{print $2, $3}'
