seq 5 > n
sed -n '$=' n
sed = n | head -n 4
sed '3q' n
sed '3Q' n
sed -n '2{p;p}' n
sed 'y/12345/abcde/' n
sed '2i\
inserted' n
sed '2a appended' n
sed '2,3c changed' n
sed '$a\  the end' n
sed 'n;d' n
