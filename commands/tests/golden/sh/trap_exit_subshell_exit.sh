trap 'echo trap ran' EXIT
(exit 3)
echo status $?
sh -c 'trap "echo inner trap" EXIT; exit 2'
echo inner status $?
