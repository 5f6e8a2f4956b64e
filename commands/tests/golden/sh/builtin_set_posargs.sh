set -- a b c
echo $#
set --
echo $#
set x y
echo $1 $2
set -- -n
echo "$1"
