echo a # comment
echo b#not comment
# full line
echo 'c # d'  # trailing
