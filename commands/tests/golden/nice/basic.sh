nice
nice echo hi
nice -n 5 sh -c 'echo five; exit 4'; echo "status $?"
nice -10 true; echo "status $?"
nice nosuchcmd; echo "status $?"
nice -n x true; echo "status $?"
nice -n 5; echo "status $?"
