a=$(date +%s); b=$(date -d now +%s); c=$(date -u +%s)
[ $((b - a)) -le 2 ] && [ $((c - a)) -le 2 ] && echo close
date | grep -c 'UTC'
date +%Y | grep -c '^20[0-9][0-9]$'
