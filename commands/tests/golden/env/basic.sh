env | grep -v "^PWD=\|^PATH=" | sed "s|$HOME|HOME|" | sort
echo "-- -i"; env -i
env -i A=1 B=2
echo "-- -u"; env -u HOME | grep -c '^HOME='
echo "-- command"; env FOO=bar sh -c 'echo $FOO'
env -i X=1 /bin/sh -c 'echo "X=$X PATH=${PATH-unset}"' 
env -- sh -c 'exit 3'; echo "status $?"
env nosuchcommand; echo "status $?"
touch notexec; env ./notexec; echo "status $?"
env -i PATH=/usr/bin:/bin sh -c 'echo ok'
