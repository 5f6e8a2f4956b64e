echo hello > f
exec 5<> f
read x <&5
echo $x
exec 5>&-
