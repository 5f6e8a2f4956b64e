printf 'b 2\na 1\nc 3\nb 5\na 7\n' | awk '{ sum[$1] += $2; cnt[$1]++ } END { for (k in sum) print k, sum[k], cnt[k] }' | sort
