FOO=bar printenv FOO
FOO=bar printenv FOO NOPE; echo "status $?"
printenv LC_ALL TZ
printenv | grep -c '^TZ='
printenv A=B; echo "status $?"
