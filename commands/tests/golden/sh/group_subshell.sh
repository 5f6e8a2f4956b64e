x=1
{ x=2; echo in group; }
echo $x
(x=3; echo in sub $x)
echo $x
( cd /; pwd )
pwd | sed 's/.*\///' | head -c 0
(exit 7); echo $?
{ (exit 8); }; echo $?
