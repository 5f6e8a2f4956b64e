touch noexec
./noexec
echo $?
nosuchcommand 2>/dev/null
echo $?
/nonexistent/path/cmd
echo $?
