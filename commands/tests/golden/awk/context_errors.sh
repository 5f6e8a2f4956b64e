awk 'BEGIN { return 1 }' 2>/dev/null; echo "status $?"
awk 'BEGIN { break }' 2>/dev/null; echo "status $?"
echo a | awk '{ continue }' 2>/dev/null; echo "status $?"
awk 'BEGIN { next }' 2>/dev/null; echo "status $?"
echo a | awk 'END { next }' 2>/dev/null; echo "status $?"
awk 'BEGIN { while (1) break; for (;;) { if (0) continue; break } do break; while (1); for (k in a) continue; print "ok" }'
printf 'a\nb\n' | awk 'function f() { next } { f(); print "no" } END { print NR }'
