echo a
echo (
