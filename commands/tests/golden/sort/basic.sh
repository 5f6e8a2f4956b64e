printf 'b\na\nc\nB\n10\n9\n' > f
sort f
sort -r f
sort -f f
sort -u f f
