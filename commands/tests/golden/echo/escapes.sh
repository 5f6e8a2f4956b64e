echo -e 'x\0101y\x41z\\'
echo -e 'stop\cnot shown'
echo -ne 'a\n'
echo -x -n
echo -- -n
echo -nn hi
echo -e '\e' | od -c | head -1
