read 2>/dev/null
echo status $?
echo x | { read 1bad; echo s $?; }
