set -- one two three
echo $# $1 $2 $3
echo "$*"
echo $0 | sed 's/.*\///'
false; echo $?
true; echo $?
echo "$-"
