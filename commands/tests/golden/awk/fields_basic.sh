printf 'a b c\n  lead  trail  \none\n\n' | awk '{ print NF ": " $1 "|" $NF "|" $(NF-1+1) }'
