printf 'a\nb' | awk '{ print NR ":" $0 }'
printf '' | awk '{ print "never" } END { print NR }'
