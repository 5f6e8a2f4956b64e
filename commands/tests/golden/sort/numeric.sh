printf '10\n9\n-1\n2.5\n\nabc\n0\n-0\n' > f
sort -n f
sort -nr f
sort -g f
printf '1K\n2M\n3\n1G\n0.5K\n' | sort -h
