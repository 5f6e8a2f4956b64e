echo() { printf 'func echo\n'; }
echo hi
command echo real
unset -f echo
command -V echo
