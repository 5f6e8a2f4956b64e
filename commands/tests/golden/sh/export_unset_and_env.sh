export X=1
unset X
sh -c 'echo "[${X-unset}]"'
export Y
Y=later
sh -c 'echo "[$Y]"'
