printf 'hello world\n\001\377abc' > f
od f
od -c f
od -x f
od -b f
od -An -tx1 f
od -Ad -c f
od -Ax -to1 f
