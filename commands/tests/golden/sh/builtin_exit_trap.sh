trap 'echo trapped $?' EXIT
echo main
exit 4
