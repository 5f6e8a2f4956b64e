echo 'echo sourced $1; z=from_dot' > inc.sh
. ./inc.sh
echo $z
echo 'return 4; echo no' > ret.sh
. ./ret.sh
echo $?
