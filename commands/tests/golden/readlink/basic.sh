mkdir -p real/sub; touch real/sub/f; ln -s real/sub s; ln -s s s2; ln -s missing dang; ln -s /abs abs
readlink s; readlink s2; readlink abs; readlink dang
readlink real; echo "status $?"
readlink -f s2 | sed "s|$HOME|HOME|"
readlink -f s2/f | sed "s|$HOME|HOME|"
readlink -f dang | sed "s|$HOME|HOME|"
readlink -f missing/x; echo "status $?"
readlink -e dang; echo "status $?"
readlink -e s2/f | sed "s|$HOME|HOME|"
readlink -m missing/x/../y | sed "s|$HOME|HOME|"
readlink -n s; echo "|"
readlink -v real; echo "status $?"
readlink -f . | sed "s|$HOME|HOME|"
readlink -f /../..//
ln -s loop1 loop2; ln -s loop2 loop1; readlink -e loop1; echo "status $?"
readlink; echo "status $?"
