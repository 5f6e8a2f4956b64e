mkdir -p d/e; echo hi > d/f; printf 'data\n' > d/e/g; ln -s f d/l
touch -d '2020-01-02 03:04:05' d/f d/e/g d/l d/e d; touch -h -d '2020-01-02 03:04:05' d/l
chmod 644 d/f d/e/g; chmod 755 d d/e
tar cf a.tar d && tar tf a.tar | sort
tar tvf a.tar | sort -k6
mkdir out; tar xf a.tar -C out && ls -lR out | grep -v '^total' | cut -c1-10,30-
cat out/d/e/g
echo "-- verbose create"; tar cvf b.tar d/f d/e | sort
echo "-- dash options"; tar -cf c.tar d/f && tar -tf c.tar
echo "-- stdout"; tar cf - d/f | tar tf -
echo "-- members"; tar xvf a.tar -C out d/e; tar -xOf a.tar d/f
