(sleep 0; exit 3) &
wait $!
echo status $?
{ echo bg output; } > bgout &
wait
cat bgout
true &
pid=$!
wait $pid; echo $?
