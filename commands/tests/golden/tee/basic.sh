echo hello | tee a b
cat a b
echo more | tee -a a > /dev/null
cat a
echo x | tee
