awk 'BEGIN { print ("abc" < "abd"), ("10" < "9"), ("a" < "B"), ("" < "a"), ("abc" == "abc"), ("x" != "y") }'
printf 'b\na\nB\n10\n9\n' | awk '{ if ($0 > max || NR == 1) max = $0 } END { print max }'
