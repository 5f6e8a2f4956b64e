umask 022
mkdir -m 700 m1; ls -ld m1 | cut -c1-10
mkdir -m u=rwx,g=rx,o= m2; ls -ld m2 | cut -c1-10
mkdir -m 1777 m3; ls -ld m3 | cut -c1-10
mkdir m4; ls -ld m4 | cut -c1-10
umask 077; mkdir -p n1/n2; ls -ld n1 n1/n2 | cut -c1-10
mkdir -m bogus m5; echo "status $?"
touch file; mkdir -p file/sub; echo "status $?"
mkdir -p file; echo "status $?"
