ps | head -1
ps -ef | head -1
ps -e -o pid,ppid,comm | head -1
ps -o pid= -o comm= | head -0
ps -e -o pid,comm | awk 'NR > 1 && $2 == "ps" { found = 1 } END { print found ? "self listed" : "missing" }'
sh -c 'ps -e -o pid=,ppid=,args= > list; awk -v me=$$ "\$2 == me { print \$3, \$4 }" list'
ps aux | head -1
ps ax | head -1
ps -p 1 | head -1
ps -p 999999 >/dev/null; echo "status $?"
ps -o user,pid,etime,stat,tty,time,cmd -p 1 | head -1
sh -c 'ps -o pid= -p $$ | tr -d " " | grep -c "^$$\$"'
