env -S 'echo a  b'
env -S"sh -c 'echo \"\$0 x\"' q"
env -S 'echo ${HOME}\_z # comment' | sed "s|$HOME|HOME|"
env -S'-i A=1 sh -c "echo \$A"'
mkdir sub; env -C sub sh -c 'basename "$PWD"'
env -C /nonexistent true; echo "status $?"
env -C sub; echo "status $?"
printf '#!/usr/bin/env -S sh -e\necho from script\n' > s.sh; chmod +x s.sh; sh -c ./s.sh 2>&1 | grep -c 'from script'
