arch
[ "$(arch)" = "$(uname -m)" ] && echo same
