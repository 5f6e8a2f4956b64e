gzip missing; echo "status $?"
echo x > f; gzip f; gzip f.gz; echo "status $?"
echo y > f; gzip f; echo "status $?"
ls f*
gzip -f f; echo "status $?"; ls f*
mkdir d; gzip d; echo "status $?"
echo notgz > bad.gz; gzip -d bad.gz; echo "status $?"
gunzip f.gz; echo "status $?"; cat f
gunzip f; echo "status $?"
