awk 'BEGIN { print "a\tb\\c\"d\/e"; print "\101\102\60"; print "x\qy\.z"; print length("\n\t") }' 2>/dev/null
awk -v 'v=1\n2\q' 'BEGIN { print v }' 2>/dev/null
