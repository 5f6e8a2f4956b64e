printf 'ab\0hello\0world!x\nabcd\n\001\002longer string here' > f
strings f
strings -n 2 f
strings -n 6 f
strings -t x f
strings -t d f
strings -3 f
