awk 'BEGIN { print "to stdout" > "/dev/stdout"; print "to stderr" > "/dev/stderr"; printf "e2\n" > "/dev/stderr" }' 2>err | cat
echo "err file:"; cat err
echo 'piped' | awk 'BEGIN { getline line < "-"; print "read", line }'
