sh -c 'echo $0 $1 $2' name one two
sh -c 'echo $#'
sh -c 'exit 5'; echo $?
sh -c 'echo "$@"' zero a 'b c'
