exec 3>&1
{ echo to3 >&3; } > /dev/null
exec 3>&-
echo hi 2>&1 1>/dev/null | cat
