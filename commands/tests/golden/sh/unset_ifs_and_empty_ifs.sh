x='a b:c'
IFS=
set -- $x; echo $#
unset IFS
set -- $x; echo $#
IFS=:
set -- $x; echo $# "$1"
