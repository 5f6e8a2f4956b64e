echo "a"'b'c"d e"
x=val
echo "$x"'$x'$x"${x}"
echo ''""''
set -- ''""''; echo $#
