eval echo hello
x='echo from var'
eval "$x"
eval 'y=5; echo $y'
echo $y
eval ''
echo $?
eval 'false'; echo $?
a=b; eval "$a=c"; echo $b
