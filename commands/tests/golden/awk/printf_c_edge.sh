awk 'BEGIN { printf "%c", 10; printf "%s|%5s|%-3c|\n", 12.5, 3, "q" }'
