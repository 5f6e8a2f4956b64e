printf 'a b\nb c\nc a\n' | tsort
echo "status $?"
printf 'a b c\n' | tsort
echo "status $?"
