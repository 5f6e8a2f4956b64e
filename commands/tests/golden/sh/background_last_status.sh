false &
echo started
wait $!
echo status $?
