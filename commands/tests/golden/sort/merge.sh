printf 'a\nc\n' > x
printf 'b\nd\n' > y
sort -m x y
sort x y -r
