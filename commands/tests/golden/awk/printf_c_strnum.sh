echo '65 66.9 x' | awk '{ printf "%c|%c|%c|%c\n", $1, $2, $3, $1 "" }'
awk 'BEGIN { printf "%c%c\n", "65", 97 }'
