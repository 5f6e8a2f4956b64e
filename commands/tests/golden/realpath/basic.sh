mkdir -p real/sub; touch real/sub/f; ln -s real/sub s; ln -s missing dang
realpath s s/f . | sed "s|$HOME|HOME|"
realpath dang | sed "s|$HOME|HOME|"
realpath nope/x; echo "status $?"
realpath -e dang; echo "status $?"
realpath -m nope/x/.. | sed "s|$HOME|HOME|"
realpath ''; echo "status $?"
realpath real/sub/f/x; echo "status $?"
realpath --relative-to=real/sub real; realpath --relative-to=real real/sub/f; realpath --relative-to=s s
realpath / //; realpath -q nope/x; echo "status $?"
realpath; echo "status $?"
echo "-- no symlinks"; realpath -s s/../x | sed "s|$HOME|HOME|"; realpath -s /a/./b/../c; echo "status $?"; realpath -s -m /a/./b/../c; realpath -s /usr/./bin/..
