for w in A b 3 _; do
  case $w in
    [[:upper:]]) echo "$w upper";;
    [[:lower:]]) echo "$w lower";;
    [[:digit:]]) echo "$w digit";;
    *) echo "$w other";;
  esac
done
