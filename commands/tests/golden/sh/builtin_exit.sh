echo before
(exit 5); echo $?
exit 3
echo after
