mkdir d
printf 'x\n' > f
cat f d f
echo "status $?"
