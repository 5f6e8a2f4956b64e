mkdir d; echo hi > d/a; ln d/a d/b; ln -s a d/s
tar cf t.tar d/a d/b d/s; tar tvf t.tar | awk '{print $1, $6, $7, $8}' | sort -k2
mkdir o; tar xf t.tar -C o; ls -l o/d | awk 'NR > 1 {print $1, $2, $NF}'
cat o/d/b
