date -d garbage; echo "status $?"
date x; echo "status $?"
date -r missing; echo "status $?"
date +%s +%s; echo "status $?"
date -I bogus 2>&1 | head -1
