x=$(echo a b); echo "$x"
y=$(printf "%s-" 1 2); echo $y
z=$(basename /a/b/c); echo $z
w=$(nosuch 2>/dev/null); echo $? "[$w]"
echo "$(printf "%d" zz)" $?
false; echo $(echo b) $?
x=$(A=1 sh -c 'echo $A'); echo $x
x=$(echo ${y2=5}); echo $x $y2
IFS=:; set -- a b; x="$(echo "$@")"; echo "$x"
