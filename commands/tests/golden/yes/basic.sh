yes | head -n 3
yes a b c | head -n 2
yes -- -x | head -n 1
yes "$(printf '%01000d' 0)" | head -n 20 | wc -c
