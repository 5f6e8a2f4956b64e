alias run='echo run: ' word=WORD
run word
alias nested='run'
nested word
