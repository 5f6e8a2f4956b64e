echo 'hello there' | awk '{ print length, length(), length($0), length $2 }'
echo 'abc' | awk 'length > 2'
awk 'BEGIN { n = length; print n }' </dev/null
