mkdir -p dir/sub dir/other
printf 'hello\n' > dir/a.txt
printf 'hello there\n' > dir/sub/b.c
printf 'bye\n' > dir/other/c.txt
grep -r hello dir | sort
grep -rl hello dir | sort
grep -rl hello --include='*.c' dir
grep -rl hello --exclude='*.c' dir
grep -rc hello --exclude-dir=sub dir | sort
cd dir && grep -r hello | sort
