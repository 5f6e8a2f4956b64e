printf 'a\nb\n' | awk '# just a comment
{ print } # trailing
'
awk 'BEGIN { } END { }' </dev/null; echo "status $?"
