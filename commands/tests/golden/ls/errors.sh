touch there
ls there missing
echo "status $?"
ls missing1 missing2
echo "status $?"
ls -- -notafile
echo "status $?"
