exec 3> fd3out
sh -c 'echo child writes >&3'
exec 3>&-
cat fd3out
