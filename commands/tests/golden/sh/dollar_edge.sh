echo $ "$" $1x "$1x" ${}x 2>/dev/null || echo badsub
