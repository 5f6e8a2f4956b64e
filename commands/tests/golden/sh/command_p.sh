command -p echo via p
command -v cat | sed 's|.*/||'
command exit 3
echo unreachable
