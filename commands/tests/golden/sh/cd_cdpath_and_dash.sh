mkdir -p p/q
CDPATH=$PWD/p
cd q | sed 's|.*/||'
cd q > /dev/null
echo ${PWD##*/}
cd - | sed 's|.*/tmp..*|tmpdir|'
