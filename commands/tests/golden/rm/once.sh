touch a b c d
echo n | rm -I a b c d; echo; ls | grep -c '^[abcd]$'
echo y | rm -I a b c d; echo; ls | grep -c '^[abcd]$'
touch x y; rm -I x y; ls x y 2>&1
mkdir dd; echo y | rm -rI dd; echo; ls -d dd 2>&1
