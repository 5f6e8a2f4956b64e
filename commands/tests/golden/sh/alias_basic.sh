alias say='echo said'
say hello
alias ll='echo ll' e=echo
ll; e x
alias say
unalias say
say 2>/dev/null || echo gone
alias
