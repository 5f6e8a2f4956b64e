printf 'a\nb\n' | sort -c
echo "status $?"
printf 'b\na\n' | sort -c
echo "status $?"
printf 'b\na\n' | sort -C
echo "status $?"
sort nope
echo "status $?"
sort -k0 /dev/null
echo "status $?"
