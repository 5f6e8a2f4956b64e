echo 'hello world' | tr a-z A-Z
echo 'hello world' | tr -d lo
echo 'aabbccdd' | tr -s a-c
echo 'hello  world' | tr -s ' '
echo 'abc123' | tr -cd '[:digit:]'
echo 'abc123' | tr -c '[:alpha:]' '_'
