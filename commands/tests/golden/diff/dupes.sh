printf 'a\na\nc\n' > x
printf 'b\na\nc\n' > y
diff x y
printf 'x\na\nb\na\nb\ny\n' > p
printf 'x\na\nb\ny\n' > q
diff p q
diff q p
diff -u p q | tail -n +3
seq 1 200 > s1
seq 1 200 | sed -e 's/^1.*5$/X/' -e '/^7/d' > s2
diff s1 s2
