awk 'BEGIN { for (i = 0; i < 10; i++) { if (i == 2) continue; if (i == 5) break; printf "%d ", i }; print ""; j = 0; while (j < 3) j++; print j; do { k++ } while (k < 0); print k; for (;;) { if (++m > 4) break }; print m; n = 0; while (1) { if (n++ >= 2) break }; print n }'
awk 'BEGIN { for (i = 0; i < 3; i++) for (j = 0; j < 3; j++) { if (j == 1) break; print i, j } }'
