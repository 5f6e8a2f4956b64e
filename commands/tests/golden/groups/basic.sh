groups
groups root
groups nosuchuser; echo "status $?"
