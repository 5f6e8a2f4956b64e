mkdir -p a/b; touch f
ln -srv f a/b/lf; cat a/b/lf
ln -srv a/b/lf l2
ln -sr "$PWD/f" a/abs; ls -l a/abs | sed "s/.* a.abs/abs/"
ln -r f hard; echo "status $?"
