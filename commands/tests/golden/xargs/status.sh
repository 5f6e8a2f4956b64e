echo a | xargs sh -c 'exit 3'
echo "status $?"
echo a | xargs sh -c 'exit 255'
echo "status $?"
echo a | xargs nonexistent-cmd
echo "status $?"
echo "a 'b" | xargs echo
echo "status $?"
