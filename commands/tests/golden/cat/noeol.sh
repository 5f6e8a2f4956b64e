printf 'a\nb' > f
cat -n f f
cat -E f
