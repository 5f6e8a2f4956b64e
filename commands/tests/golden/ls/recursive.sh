mkdir -p top/a/b top/c
touch top/f top/a/g top/a/b/h
ls -R top
echo "-- no arg"; cd top/c && touch z && ls -R
