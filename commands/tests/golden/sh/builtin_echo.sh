echo a b c
echo -n no newline; echo
echo -e 'x'
echo 'tab\there' 'new\nline' 'back\\slash'
echo 'stop\cnot shown'; echo after
echo '\0101\0102'
echo -- -n
echo
