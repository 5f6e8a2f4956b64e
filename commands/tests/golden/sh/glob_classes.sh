touch a1 b2 C3 _4
echo [[:lower:]]*
echo [[:upper:]]*
echo *[[:digit:]]
set -f
echo *
set +f
echo [a-b]*
