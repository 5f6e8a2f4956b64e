readonly r; echo x | read r; echo $?
getopts; echo $?
trap x BOGUS; echo $?
umask 999; echo $?
alias nosuch; echo $?
unalias nosuch; echo $?
kill -9; echo $?
kill abc; echo $?
shift -1; echo $?
export -x; echo $?
