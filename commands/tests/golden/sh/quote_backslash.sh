echo a\ b \$x \\ \' \" c\
d
echo \a\b\c
