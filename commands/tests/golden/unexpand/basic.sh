printf '        x  y\n' | unexpand
printf '        x        y\n' | unexpand -a
printf '    x\n' | unexpand -t 2
printf '   \t  x\n' | unexpand
printf 'ab      cd      ef\n' | unexpand -a
printf '                 x\n' | unexpand --first-only
