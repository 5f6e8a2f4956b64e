printf 'Hello World\n' > a
printf 'hello  world \n' > b
diff a b
diff -i a b
diff -iw a b
echo "status $?"
diff -ib a b
echo "status $?"
