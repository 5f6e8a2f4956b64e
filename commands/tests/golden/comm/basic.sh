printf 'a\nb\nd\n' > x
printf 'b\nc\nd\n' > y
comm x y
comm -12 x y
comm -3 x y
comm -1 x y
comm -23 x y
comm --output-delimiter=: x y
