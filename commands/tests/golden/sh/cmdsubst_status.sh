x=$(exit 3); echo $?
x=$(false) ; echo $?
echo $(exit 4) $?
