sh -ec 'false; echo no'
echo $?
sh -uc 'echo $undefined'
echo $?
sh -c 'set -- a b; echo $#'
sh -xc 'echo traced' 2>&1
