f() { echo "args: $# $*"; return 3; }
f a b
echo $?
g() {
  echo "in g: $1"
}
g x
h() ( echo subshell body; x=9 )
x=1; h; echo $x
set -- outer
f2() { set -- inner; echo $1; }
f2; echo $1
