stat missing; echo "status $?"
touch a; stat -c %n a missing a; echo "status $?"
stat; echo "status $?"
