awk 'BEGIN { s = "hello world"; print length(s), substr(s, 7), substr(s, 0, 3), substr(s, -1, 3), substr(s, 5, 100), "[" substr(s, 20) "]", substr(s, 2, 0) "|"; print index(s, "o"), index(s, "xyz"), index(s, "world"); print length(12345), length() }' </dev/null
awk 'BEGIN { print substr("abcdef", 2.7, 2.2), substr("abcdef", 1.5) }'
