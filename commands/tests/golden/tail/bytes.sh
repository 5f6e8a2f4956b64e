printf 'abcdefghij' > f
tail -c 4 f; echo
tail -c +8 f; echo
