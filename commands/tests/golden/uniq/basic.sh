printf 'a\na\nb\nc\nc\nc\na\n' > f
uniq f
uniq -c f
uniq -d f
uniq -u f
uniq -D f
