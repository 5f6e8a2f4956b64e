trap '' INT
echo ignored
trap - INT
echo reset
