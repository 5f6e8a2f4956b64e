mkdir t; touch t/a t/b t/c
find t -type f -exec echo file {} \; | sort
find t -type f -exec echo batch {} + | tr ' ' '\n' | sort | tr '\n' ' '; echo
find t -name a -exec test -f {} \; -print
find t -name b -exec false \; -o -name b -print
find t -name c -exec sh -c 'echo "in:$1"' sh {} \;
find t -name a -exec nosuchcmd {} \; ; echo "status $?"
find t -type f -exec sh -c 'exit 1' sh {} + ; echo "status $?"
echo x{}y > /dev/null; find t/a -exec echo x{}y \;
