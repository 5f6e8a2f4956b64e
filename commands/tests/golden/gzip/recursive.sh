mkdir -p gz/a/b; echo 1 > gz/x; echo 2 > gz/a/y; echo 3 > gz/a/b/z
gzip -r gz && find gz -type f | sort
gzip -dr gz && find gz -type f | sort; cat gz/a/b/z
gzip gz; echo "status $?"
