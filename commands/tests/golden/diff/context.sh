printf 'a\nb\nc\nd\ne\n' > x
printf 'a\nB\nc\nd\ne\nf\n' > y
diff -c x y | tail -n +3
