awk 'BEGIN { a = 2; b = 1; print !a == b; print 1 - -1, 2 - - 2; i = 1; print i++ + ++i, i }'
echo '4 5' | awk '{ print $NF-1, -$1^2, 2^-1, $1^-1; print $1 $2 + 1 }'
printf 'x\ny\nx\n' | awk '!seen[$0]++'
awk 'BEGIN { while ("echo a; echo b" | getline > 0) n++; print n }'
awk 'BEGIN { x = 3; x ^= 2; print x; y = x == 9 ? "nine" : "other"; print y }'
awk 'BEGIN { print 1 == 1, 2 < 1, "x" (1 > 0) }'
awk 'BEGIN { $0 = "a b c"; print $1" "$2; print $1,$2 }'
awk '
function f(x)
{
	return x * 2
}
BEGIN	{
	print f(4)
}
'
