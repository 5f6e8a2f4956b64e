mkdir a && echo ok
mkdir a; echo "status $?"
mkdir -p a/b/c && ls -R a
mkdir -p a/b/c; echo "status $?"
mkdir -v x y
mkdir -pv p/q/r
mkdir no/such; echo "status $?"
mkdir; echo "status $?"
