echo a | cat
printf "%d\n" x | cat; echo $?
x=1; echo ${x:=2} | cat; unset y; echo ${y:=3} | cat; echo "y=$y"
yes | head -n1; printf "%s\n" a b c | head -n 1
big=$(head -c 300000 /dev/zero | tr "\0" a); echo "$big" | wc -c
echo "$big" | true; echo $?
