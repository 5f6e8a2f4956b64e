t() { if "$@"; then echo T; else echo F; fi; }
t test 1 -eq 1
t test 1 -ne 1
t test 2 -gt 1
t test 2 -ge 3
t test -1 -lt 0
t test 5 -le 5
t test ' 3 ' -eq 3
test 1 -eq a; echo $?
test a b; echo $?
[ 1; echo $?
