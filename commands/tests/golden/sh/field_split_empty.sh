e=''
set -- $e; echo $#
set -- "$e"; echo $#
set -- $e$e ''; echo $#
unset IFS
s='  lead  trail  '
set -- $s; echo $# "[$1]" "[$2]"
