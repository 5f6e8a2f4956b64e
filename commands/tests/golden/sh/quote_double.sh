x=val
echo "a  b $x ${x}" "\$x \\ \" \` \a" "'q'"
echo "tab	in" "nl
in"
