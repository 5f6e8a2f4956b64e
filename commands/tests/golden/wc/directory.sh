mkdir d
wc d
echo "status $?"
