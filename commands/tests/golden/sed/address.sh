seq 10 > n
sed 2d n
sed '2,4d' n
sed '$d' n
sed '1~3d' n
sed '0~4d' n
sed '2,+2d' n
sed '5,~4d' n
sed -n '/3/,/5/p' n
sed '/2/,4!d' n
sed '0,/1/d' n
sed -n '7,3p' n
