echo 'abc' | awk '{ x = /b/; y = /z/; print x, y }'
echo 'ab' | awk '/a/ && /b/ { print "both" } /a/ || /z/ { print "either" } !/z/ { print "notz" }'
