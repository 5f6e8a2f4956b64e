env kill -l
env kill -l 9; env kill -l TERM; env kill -l SIGHUP; env kill -l 137; echo "status $?"
sleep 10 & pid=$!
env kill $pid; { wait $pid; } 2>/dev/null; echo "status $?"
sleep 10 & pid=$!
env kill -s KILL $pid; { wait $pid; } 2>/dev/null; echo "status $?"
sleep 10 & pid=$!
env kill -9 $pid; { wait $pid; } 2>/dev/null; echo "status $?"
sleep 10 & pid=$!
env kill -USR1 $pid; { wait $pid; } 2>/dev/null; echo "status $?"
sleep 10 & pid=$!
env kill -0 $pid && echo alive; env kill $pid; { wait $pid; } 2>/dev/null
env kill -l BOGUS; echo "status $?"
env kill -s BOGUS 1; echo "status $?"
env kill 2>/dev/null; echo "status $?"
env kill 999999; echo "status $?"
