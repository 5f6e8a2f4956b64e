printf 'hello\nworld\n' > a.txt
printf 'hello there\n' > b.txt
printf 'nothing\n' > c.txt
grep hello a.txt b.txt c.txt
grep -h hello a.txt b.txt
grep -H world a.txt
grep -l hello a.txt b.txt c.txt
grep -L hello a.txt b.txt c.txt
grep -c hello a.txt b.txt c.txt
grep hello - < a.txt
grep -H --label=in hello < a.txt
