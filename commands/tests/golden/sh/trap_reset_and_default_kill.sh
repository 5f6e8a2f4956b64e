trap 'echo caught' TERM
kill $$
trap - TERM
echo before kill
kill $$
echo not reached
