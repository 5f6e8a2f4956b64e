printf 'one\n' > f
tail -f f > out &
pid=$!
sleep 1
printf 'two\n' >> f
sleep 2
kill $pid
cat out
