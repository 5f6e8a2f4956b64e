echo -n
echo -n -n x; echo
echo -nx
echo '\\'
echo a\\b
