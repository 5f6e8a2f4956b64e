exec 3>a 4>b 5>c
echo three >&3; echo four >&4; echo five >&5
exec 3>&- 4>&- 5>&-
cat a b c
