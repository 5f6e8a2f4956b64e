printf 'hello\n' > a
md5sum a > sums
echo junk >> sums
printf 'b1946ac92492d2347c6235b4d2611184  missing\n' >> sums
md5sum -c sums
echo "status $?"
echo junk | md5sum -c
echo "status $?"
md5sum nope a
echo "status $?"
sha256sum a > s2
sha256sum -c s2
