exec 3>&1
exec 1>&-
echo lost 2>/dev/null
exec 1>&3
echo back
