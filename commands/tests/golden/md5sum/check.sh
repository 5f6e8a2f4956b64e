printf 'hello\n' > a
printf 'x' > b
md5sum a b > sums
md5sum -c sums
echo "status $?"
printf 'y' > b
md5sum -c sums
echo "status $?"
md5sum -c --quiet sums
echo "status $?"
md5sum --status -c sums
echo "status $?"
