echo old > dst; echo new > src
cp -n src dst; cat dst
cp -f src dst; cat dst
echo old > dst
printf 'n\n' | cp -i src dst; echo; cat dst
printf 'y\n' | cp -i src dst; echo; cat dst
chmod 741 src; touch -d '2001-02-03 04:05:06' src
cp -p src p1; ls -l p1 | cut -c1-10,34-
umask 022; cp src p2; ls -l p2 | cut -c1-10
mkdir -p tree/in; touch -d '2001-02-03' tree/in/x; chmod 700 tree/in
cp -a tree t2; ls -l t2 | cut -c1-10; ls -l t2/in | cut -c1-10,34-
ln -s src lnk; cp lnk c1; [ -L c1 ] || echo "c1 regular"; cp -P lnk c2; [ -L c2 ] && echo "c2 link"
