echo 'a  b' 'c"d' 'e\f' '$x'
echo ''x'' 'it'"'"'s'
