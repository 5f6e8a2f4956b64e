printf 'abcdefghij' > f
head -c 4 f; echo
head -c -3 f; echo
head -c 0 f
head -c 1K f; echo
