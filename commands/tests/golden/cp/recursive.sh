mkdir -p src/sub; echo 1 > src/f; echo 2 > src/sub/g; ln -s f src/link
cp -r src dst && ls -R dst | sort
[ -L dst/link ] && echo "link kept"
mkdir out; cp -R src out; ls out
cp -rv src v | sort
cp -rL src deref; [ -L deref/link ] || echo "link followed"
cp -r src src/sub; echo "status $?"
