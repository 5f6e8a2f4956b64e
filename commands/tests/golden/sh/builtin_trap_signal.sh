trap 'echo got TERM' TERM
kill -TERM $$
echo after
trap 'echo got USR1' USR1
kill -USR1 $$
echo done
