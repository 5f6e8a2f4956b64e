printf 'a:b c\nd:e f\n' | awk '{ FS = ":"; print $1 }'
echo 'a:b' | awk '{ FS = ":"; $0 = $0; print $1 }'
