seq 6 > n
sed '1!G;h;$!d' n
sed -n 'h;n;G;p' n
sed 'x;$!d' n
sed '$!N;s/\n/-/' n
sed ':a;N;$!ba;s/\n/,/g' n
sed '$!N;P;D' n
sed -e :a -e '$q;N;3,$D;ba' n
sed '2{h;d};${G}' n
