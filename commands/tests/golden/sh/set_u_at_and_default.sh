set -u
echo ${1-none} ${#} "${@-}"
echo ${x:-fallback}
: ${y=assigned}; echo $y
echo $nope
