sh -o errexit -c "false; echo no"; echo $?
sh -c -e "false; echo no"; echo $?
echo "echo from script \$1" > s; sh -- s arg; sh -x s a 2>&1; sh - < s
sh -c "echo \$0-\$#" -- a
sh -n -c "echo no"; echo $?
sh -c "if"; echo $?
sh -v -c "echo v" 2>&1
sh -c "exit 300"; echo $?
sh -c; echo $?
sh -Q; echo $?
echo "echo \$*" | sh -s -- -x y
