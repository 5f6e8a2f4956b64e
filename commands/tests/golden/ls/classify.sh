mkdir dir; touch plain; touch exe; chmod +x exe; ln -s plain sym; ln -s dir dsym
ls -F
echo "-- -lF symlinks"; ls -lF sym dsym | sed 's/.* sym/sym/; s/.* dsym/dsym/'
echo "-- dsym is followed without -l"; ls dsym
