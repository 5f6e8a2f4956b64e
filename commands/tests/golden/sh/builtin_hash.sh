hash cat
hash > h; sed "s|.*/||" h
hash nonexistent_xyz
echo $?
