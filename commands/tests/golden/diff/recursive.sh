mkdir -p d1/s d2/s
echo 1 > d1/f
echo 2 > d2/f
echo x > d1/only
echo y > d2/s/z
echo y > d1/s/z
echo n > d2/new
diff -r d1 d2
echo "status $?"
diff d1 d2
diff -ru d1 d2 | sed 's/	.*//'
diff -rq d1 d2
diff -rN d1 d2
