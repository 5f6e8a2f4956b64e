timeout 5 sh -c 'trap "echo got TERM; exit 7" TERM; sleep 3 & wait' & p=$!
sleep 0.5; kill $p; wait $p; echo "status $?"
timeout 5 sleep 3 & p=$!
sleep 0.5; kill $p; wait $p; echo "status $?"
