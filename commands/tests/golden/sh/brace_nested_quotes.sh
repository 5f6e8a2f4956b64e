x=
echo "${x:-"a b"}"
echo ${x:-'c d'}
echo "${x:-'e'}"
set -- ${x:-f g}; echo $#
set -- "${x:-f g}"; echo $#
