echo hello > a
cp a b && cat b
mkdir d
cp a b d && ls d
cp -v a c
cp missing x; echo "status $?"
cp a; echo "status $?"
cp; echo "status $?"
cp a b c; echo "status $?"
cp a a; echo "status $?"
cp d e; echo "status $?"
