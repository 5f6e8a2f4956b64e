printf 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n' > x
printf 'a\nB\nc\nd\ne\nf\ng\nh\nI\nj\nk\n' > y
diff x y
echo "status $?"
diff x x
echo "status $?"
printf 'a\nb\nc\n' > p
printf 'b\nc\nd\n' > q
diff p q
diff q p
