printf 'x a\ny a\nz b\nAb\nab\n' > f
uniq -f1 f
uniq -s1 f
uniq -i f
uniq -w1 f
uniq -ic f
