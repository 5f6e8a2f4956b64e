readonly R=1
echo $R
readonly -p | grep R=
R=2
echo unreachable
