mkdir sub
(cd sub && echo ${PWD##*/})
echo ${PWD##*/} | grep -c sub
