mkdir w && cd w
mkdir d empty; printf 'abc' > small; dd if=/dev/zero of=big bs=1024 count=3 2>/dev/null; : > zero
echo "-- empty"; find . -empty | sort
echo "-- size"; find . -type f -size +2k | sort; find . -type f -size -2 | sort; find . -type f -size 3c
find . -type f -size 6 | sort
echo "-- perm"; chmod 644 small; chmod 755 big; chmod 600 zero
find . -type f -perm 644; find . -type f -perm -u+x; find . -type f -perm /o+r | sort; find . -type f -perm -g=r | sort
echo "-- newer"; touch -d '2020-01-01' old; touch -d '2021-01-01' mid; touch -d '2022-01-01' new
find old mid new -newer mid
echo "-- mtime"; find old mid new -mtime +30 | sort; find . -maxdepth 1 -name small -mtime -1; find small -mtime 0
find small -mmin -5; find old -mmin +5
touch -d '2 days ago' two; find two -mtime +1; find two -mtime -3; find two -mmin +100; find two -mtime 0; find two -mmin -100
