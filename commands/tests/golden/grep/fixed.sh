printf 'a.b\naxb\n[x]\n*star\n' > t
grep -F 'a.b' t
grep 'a.b' t
grep -F '[x]' t
grep -F -x '*star' t
fgrep -c . t
grep -F -e x -e star t
