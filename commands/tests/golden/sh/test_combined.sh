t() { if "$@"; then echo T; else echo F; fi; }
t [ -n "x" -a -z "" ]
t [ ! -e /nonexistent ]
t [ "(" = "(" ]
t [ -f /dev/null ]
t [ -c /dev/null ]
t [ -d / -o -f / ]
t test 10 -gt 9
t test 010 -eq 10
t test a -a -n b
