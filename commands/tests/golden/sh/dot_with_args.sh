printf 'echo "dot args: $# $1"\n' > d.sh
set -- orig
. ./d.sh new1 new2
echo "after: $1"
