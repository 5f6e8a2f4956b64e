seq 1 20 > f
head f
head -n 3 f
head -3 f
head -n -17 f
head -n 0 f
printf 'a\nb' | head -n 5
