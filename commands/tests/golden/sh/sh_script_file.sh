printf 'echo script $0 $1\nexit 3\n' > s.sh
sh s.sh arg
echo $?
sh nonexistent.sh
echo $?
