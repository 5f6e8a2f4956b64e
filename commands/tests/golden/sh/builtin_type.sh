f() { :; }
alias al='echo'
type echo
type f
type if
type al
type cd
type nonexistent_cmd
echo $?
command -v echo
command -v f
command -v nonexistent_cmd
echo $?
command -v if
