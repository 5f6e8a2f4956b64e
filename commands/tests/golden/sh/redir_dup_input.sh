printf 'in1\nin2\n' > f
exec 6< f
cat <&6
exec 6<&-
exec 7>&1
echo via7 >&7
