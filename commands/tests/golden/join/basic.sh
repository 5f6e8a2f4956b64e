printf 'a 1\nb 2\nc 3\n' > x
printf 'a x\nc y\nc z\nd w\n' > y
join x y
join -a1 x y
join -a2 x y
join -v1 x y
join -v2 x y
join -o 1.2,2.2 x y
join -a1 -a2 -e NA -o auto x y
