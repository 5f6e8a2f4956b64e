y="a b"
export x=$y
echo "$x"
f() { local z=$y; echo "$z"; }
f
readonly r=$y
echo "$r"
HOME=/h
export P=~/x:~/y
echo $P
export Q=$y R
echo "$Q"
