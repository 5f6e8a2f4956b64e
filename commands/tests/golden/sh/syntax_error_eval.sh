eval 'if'
echo after
