x=$(false) y=1
echo $? $y
x=$(true)$(exit 7)
echo $?
