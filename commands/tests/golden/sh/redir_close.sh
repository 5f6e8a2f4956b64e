echo visible
echo hidden >&-
echo status $? >&2
