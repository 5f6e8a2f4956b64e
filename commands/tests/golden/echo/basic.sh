echo hello world
echo
echo -n abc
echo
echo -e 'a\tb\nc'
echo -E 'a\tb'
echo 'a\tb'
