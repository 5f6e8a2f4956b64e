printf 'a\nb' > p
printf 'a\nc' > q
diff p q
diff -u p q | tail -n +3
printf 'a\nb\n' > r
diff p r
echo "status $?"
