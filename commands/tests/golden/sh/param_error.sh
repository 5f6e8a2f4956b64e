echo before
x=${nope?custom message}
echo not reached
