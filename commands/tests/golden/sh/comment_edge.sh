echo a#b # c
echo '#' "#" \#
x=1#2; echo $x
echo $(echo hi # comment in subst
)
