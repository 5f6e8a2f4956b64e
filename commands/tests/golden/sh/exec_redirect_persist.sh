exec > out
echo into file
exec >&2
cat out >&2
