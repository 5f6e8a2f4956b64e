mkdir -p d/e/f empty; touch d/x d/e/y
rm d; echo "status $?"
rm -d empty && echo "empty gone"
mkdir empty2; rm -d d; echo "status $?"
rm -rv d | sort
ls
rm -r .; echo "status $?"
rm -r nope; echo "status $?"
rm -rf nope; echo "status $?"
rm -r /; echo "status $?"
