mkdir -p t/a t/b; touch t/a/x t/a/y t/b/x t/z
find t -name x -o -name y | sort
echo "-- not"; find t ! -type d | sort
echo "-- not name"; find t -type f -not -name x | sort
echo "-- parens"; find t \( -name x -o -name z \) -print | sort
echo "-- and"; find t -type f -a -path '*a*' | sort
echo "-- prune"; find t -name a -prune -o -type f -print | sort
echo "-- print in or"; find t -name z -print -o -name y -print | sort
echo "-- true/false"; find t -false; find t/z -true
echo "-- quit"; find t/z t/a -quit -print; find t/z -print -quit
