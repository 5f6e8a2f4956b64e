touch a b c
rm a && ls
rm missing; echo "status $?"
rm -f missing; echo "status $?"
rm -v b c
rm; echo "status $?"
rm -f; echo "status $?"
