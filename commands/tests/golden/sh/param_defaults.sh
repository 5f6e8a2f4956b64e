unset u; e=
echo "${u-d1} ${u:-d2} ${e-d3} ${e:-d4}"
echo "${u+a1} ${e+a2} ${e:+a3}"
echo "${u=set1}" "$u"
echo "${e:=set2}" "$e"
