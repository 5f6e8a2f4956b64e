printf 'a\n' > x
diff x nope
echo "status $?"
diff x
echo "status $?"
diff -N x nope
echo "status $?"
