echo old > dst; echo new > src
mv -n src dst; cat dst; ls
echo new > src; printf 'n\n' | mv -i src dst; echo; cat dst
printf 'y\n' | mv -i src dst; echo; cat dst; ls
echo again > src; mv -f src dst; cat dst
mkdir -p d1/sub d2; touch d1/f
mv d1 d1/sub; echo "status $?"
mv d1 d2 && ls -R d2
touch file; mkdir dir; mv dir file; echo "status $?"
mkdir -p t/file; mv file t; echo "status $?"
