printf 'apple\nbanana\ncherry\nappletree\n' > in
awk '/^app/' in
awk '!/an/' in
awk '/rr/ { print "match", NR }' in
awk '$0 ~ /e$/ || /^b/' in
