printf 'foo123\nbar\nbaz9\n' | awk -v re='[0-9]+$' '$0 ~ re { print "num:", $0 } $0 !~ re { print "no:", $0 }'
awk 'BEGIN { r = "^a.c$"; print ("abc" ~ r), ("abcd" ~ r), ("a.c" ~ "a\\.c"), ("abc" ~ "a\\.c"); if ("x" ~ "x|y") print "alt" }'
