printf 'a,1\nb,2\n' > x
printf 'a,x\nb,y\n' > y
join -t, x y
printf 'x a\ny b\n' > p
join -1 2 -2 1 p y
join -j 1 -t, x y
printf 'A 1\n' > u
printf 'a z\n' > v
join -i u v
