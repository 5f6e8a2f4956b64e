echo one > f
echo two >> f
cat f
echo three > f; cat f
echo err 2> e >&2
cat e
