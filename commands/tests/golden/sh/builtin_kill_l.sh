kill -l 9
kill -l 143
kill -l TERM
