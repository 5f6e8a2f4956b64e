uname
uname -s; uname -m; uname -o
uname -sm
uname -a | cut -d' ' -f1
uname x; echo "status $?"
