exec 3> out3
echo to3 >&3
exec 3>&-
cat out3
exec 4< out3
read l <&4; echo "got $l"
exec 4<&-
echo x 1>&2 2>/dev/null
{ echo a; echo b >&2; } 2>&1 | cat
