echo one \
two \
three
ec\
ho joined
x=ab\
cd; echo $x
