mkdir -p b1 b2; printf '#!/bin/sh\n' > b1/tool; cp b1/tool b2/tool; chmod +x b1/tool b2/tool; touch b1/plain
PATH=$PWD/b1:$PWD/b2:$PATH; export PATH
which tool | sed "s|$HOME|HOME|"
which -a tool | sed "s|$HOME|HOME|"
which plain; echo "status $?"
which nosuchthing; echo "status $?"
which tool nosuchthing | sed "s|$HOME|HOME|"; 
which ./b1/tool; which ./b1/plain; echo "status $?"
which; echo "status $?"
