printf 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n' > x
printf 'a\nB\nc\nd\ne\nf\ng\nh\nI\nj\nk\n' > y
diff -u x y | tail -n +3
diff -U1 x y | tail -n +3
diff -U0 x y | tail -n +3
diff -u --label old --label new x y
diff -u /dev/null x | tail -n +3
