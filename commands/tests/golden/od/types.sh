printf 'hello world\n\001\377abc' > f
od -t d4 f
od -t u1 f
od -t x2 -N 5 f
od -ta f
od -td1 f
od -tx8 f
od -tx1z f
od -tx1 -tc f
