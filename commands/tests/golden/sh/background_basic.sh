echo bg > f &
wait
cat f
sh -c 'exit 2' &
wait $!
echo $?
