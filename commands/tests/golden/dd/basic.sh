dd if=/dev/zero of=z bs=1K count=10 2>&1 | sed 's/copied.*/copied/'; wc -c < z
dd if=/dev/zero of=z2 bs=100 count=3 2>&1 | sed 's/copied.*/copied/'; wc -c < z2
dd if=z of=/dev/null bs=3000 2>&1 | head -2
printf abcdef | dd bs=2 skip=1 count=2 2>/dev/null; echo
printf 'Hello' | dd conv=ucase 2>/dev/null; echo
printf 'HeLLo' | dd conv=lcase status=none; echo
printf 1234567890 > f; dd if=f of=g bs=1 seek=3 count=2 status=none; od -c g
printf 'abc' | dd bs=2 conv=sync status=none | od -c
seq 1 1000 | dd ibs=100 obs=300 status=noxfer 2>&1 >/dev/null
printf XY > h; printf 1234 > k; dd if=h of=k conv=notrunc status=none; cat k; echo
dd if=nope; echo "status $?"
dd bs=x; echo "status $?"
dd foo=1; echo "status $?"
