printf 'foo bar\nFoo\nfoobar baz\nabc123\n\nx.y\n' > t
grep foo t
grep -i foo t
grep -v foo t
grep -c foo t
grep -n foo t
grep zzz t
echo "status $?"
