printf 'x\0hello\n' > bin
grep hello bin
echo "status $?"
grep -c hello bin
grep -a -c hello bin
printf 'Abc\nabc\n' > t
grep -i 'ABC' t
grep -y 'ABC' t
grep -e '' -c t
grep -f /dev/null t
echo "status $?"
printf 'abc\nb\n' > pats
grep -f pats t
grep -q abc t && echo yes
printf 'line1\nline2\n' | grep -v -c 1
