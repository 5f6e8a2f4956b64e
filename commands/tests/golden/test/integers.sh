t() { "$@"; echo "$* -> $?"; }
t /usr/bin/test 10 -gt 9
t /usr/bin/test 2 -ge 10
t /usr/bin/test -5 -lt 3
t /usr/bin/test ' 12 ' -eq 12
t /usr/bin/test +7 -ne 7
t /usr/bin/test 3 -le 3
t /usr/bin/test -l abc -eq 3
t /usr/bin/test 4 -eq -l abcd
