mkdir d; seq 1 500 > d/nums; echo x > d/x
tar czf a.tgz d && gzip -t a.tgz && tar tzf a.tgz | sort
tar tf a.tgz | sort
mkdir o; tar -xzf a.tgz -C o; cmp o/d/nums d/nums && echo same
gzip -dc a.tgz | tar tf - | sort
tar -czvf - d/x | gunzip | tar tvf - | awk '{print $1, $2, $3, $6}'
