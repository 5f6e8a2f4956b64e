seq 1 20 > f
tail f
tail -n 3 f
tail -3 f
tail -n +18 f
tail +19 f
tail -n 0 f
printf 'a\nb' | tail -n 1
echo
