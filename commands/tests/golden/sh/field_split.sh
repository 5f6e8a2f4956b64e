x='a b   c'
set -- $x; echo $#
IFS=:
y='a:b::c:'
set -- $y; echo $#; for i; do echo "[$i]"; done
IFS=' :'
z=' a : b '
set -- $z; echo $#; for i; do echo "[$i]"; done
