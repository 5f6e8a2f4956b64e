printf 'hello world\n' > a; seq 1 2000 > nums; touch -d '2020-01-02 03:04:05' a
gzip a && ls a* && zcat a.gz
ls -l a.gz | cut -c1-10,30-
gzip -d a.gz && cat a && ls a*
gzip -k nums && ls nums*
gzip -c nums | gzip -dc | cmp - nums && echo "roundtrip ok"
for l in 1 5 9; do gzip -$l -c nums | gunzip | tail -n 1; done
printf 'stdin data\n' | gzip | gzip -d
: > empty; gzip empty; zcat empty.gz | wc -c
gzip -t nums.gz && echo "test ok"
