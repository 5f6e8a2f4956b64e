set -e
if x=$(false; echo a); then echo "then [$x]"; fi
if (false; echo a); then echo t; fi
false | { false; echo b; } || echo c
f() { false; echo f; }
if echo $(f); then :; fi
x=$(false; echo after) || echo "assign failed [$x]"
( false ) || echo caught
false && true
! (exit 1)
echo | false | true
g() { local v=1; (echo "sub v=$v"; false; echo no); }
g || echo g failed
echo end
