printf 'a\n' > x
printf 'b\n' > y
diff -q x y
echo "status $?"
diff -q x x
echo "status $?"
diff -s x x
printf 'x\0y' > bin1
printf 'x\0z' > bin2
diff bin1 bin2
echo "status $?"
