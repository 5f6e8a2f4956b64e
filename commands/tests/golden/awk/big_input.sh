awk 'BEGIN { for (i = 1; i <= 100000; i++) print i, i % 7, "word" i }' > big
awk '{ s += $1; c[$2]++; n += NF } END { print s, n, c[0], c[6], NR }' big
awk -F'[0-9]' 'END { print NF }' big
awk '$2 == 3 { k++ } END { print k }' big
