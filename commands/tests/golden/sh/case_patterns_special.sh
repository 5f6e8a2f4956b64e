for w in '*' '?' 'a]' '[x]' .dot; do
  case $w in
    \*) echo star;;
    '?') echo question;;
    *]) echo bracket-end;;
    \[*) echo bracket;;
    .*) echo dotfile;;
  esac
done
