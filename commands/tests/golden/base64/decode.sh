echo aGVsbG8K | base64 -d
echo YQ== | base64 -d
echo
echo YQ==YWI= | base64 -d
echo
seq 50 | base64 | base64 -d | tail -n 1
echo 'aGVs!bG8K' | base64 -d -i
