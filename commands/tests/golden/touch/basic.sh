touch a && ls
touch -c nothere; ls
touch -d '2020-03-04 05:06:07' a; ls -l a | cut -c30-
touch -t 202101020304.05 b; ls -l b | cut -c30-
touch -t 01020304 c; date -r c +%m-%d_%H:%M:%S
touch -r a c; ls -l c | cut -c30-
touch -d @0 e; ls -l e | cut -c30-
touch no/such; echo "status $?"
touch -r missing a; echo "status $?"
touch -d garbage a; echo "status $?"
touch -t 99 a; echo "status $?"
touch; echo "status $?"
