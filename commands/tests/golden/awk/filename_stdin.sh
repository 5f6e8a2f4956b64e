echo q | awk 'BEGIN { print "[" FILENAME "]" } { print "[" FILENAME "]" } END { print NR, FNR }'
echo q | awk '{ print FILENAME }' -
