trap 'echo parent exit' EXIT
( echo in sub )
echo $(echo in cmdsubst)
