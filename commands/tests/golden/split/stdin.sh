seq 1 12 | split -l 5 - s
ls s*
cat sab
seq 1 5 | split -3
ls x*
