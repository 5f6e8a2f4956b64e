set -- a b
f() { echo "in: $# $1"; shift; echo "shifted: $1"; }
f x y z
echo "out: $# $1"
