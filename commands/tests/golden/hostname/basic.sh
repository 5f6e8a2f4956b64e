hostname | wc -l
[ "$(hostname)" = "$(uname -n)" ] && echo same
