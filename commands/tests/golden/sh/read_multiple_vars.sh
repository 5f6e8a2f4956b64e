echo "one two three four" | { read a b; echo "a=$a b=$b"; }
echo "one" | { read a b c; echo "a=$a b=[$b] c=[$c]"; }
echo "  x   y  " | { read a b; echo "[$a][$b]"; }
