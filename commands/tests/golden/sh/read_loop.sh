printf 'l1\nl2\nl3\n' > f
while read line; do echo "> $line"; done < f
n=0
while IFS= read -r line; do n=$((n+1)); done < f
echo $n
