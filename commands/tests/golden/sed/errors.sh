echo x | sed 'k'
echo "status $?"
echo x | sed 's/a/b'
echo "status $?"
echo x | sed 's/a/b/q'
echo "status $?"
echo x | sed '/x'
echo "status $?"
echo x | sed 'y/ab/c/'
echo "status $?"
echo x | sed '}'
echo "status $?"
echo x | sed 'b foo'
echo "status $?"
echo x | sed 's/\(a\)/\2/'
echo "status $?"
echo x | sed -f nope
echo "status $?"
echo x | sed 'p;p' extra-nope
echo "status $?"
