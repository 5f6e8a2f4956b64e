seq 1 25 > in
split -l 10 in
split -b 7 -d in p
split -n 3 -a 3 in q
split -l 5 -x --additional-suffix=.txt in r
for f in x* p* q* r*; do echo "== $f"; cat "$f"; done
