mkdir -p a/b/c e
rmdir e && echo removed e
rmdir a; echo "status $?"
rmdir -p a/b/c && echo "p ok"; ls
mkdir -p x/y; touch x/f
rmdir -pv x/y; echo "status $?"
rmdir missing; echo "status $?"
touch file; rmdir file; echo "status $?"
rmdir; echo "status $?"
mkdir -p k/l; touch k/m; rmdir --ignore-fail-on-non-empty -p k/l; echo "status $?"; ls k
