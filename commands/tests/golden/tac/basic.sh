printf 'a\nb\nc\n' | tac
printf 'a\nb' | tac
echo
printf '1\n2\n' > x
printf '3\n4\n' > y
tac x y
tac nope
echo "status $?"
