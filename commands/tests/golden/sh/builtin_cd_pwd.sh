mkdir -p a/b
cd a/b
pwd | sed 's|.*/\(a/b\)$|\1|'
cd ..
echo ${PWD##*/}
cd - > /dev/null
echo ${PWD##*/}
cd /nonexistent
echo status $?
cd
[ "$PWD" = "$HOME" ] && echo home
