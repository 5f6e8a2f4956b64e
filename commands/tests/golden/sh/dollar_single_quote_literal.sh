echo '$'"x"
echo $
echo "$"
echo a$
