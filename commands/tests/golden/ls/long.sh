printf 'hello\n' > f1
printf '0123456789abcdef' > f2
: > empty
chmod 640 f1; chmod 755 f2; chmod 600 empty
touch -d '2020-01-02 03:04:05' f1 f2 empty
ln -s f1 link
ls -l f1 f2 empty
echo "-- symlink"; ls -l link | cut -c1-11,40-
echo "-- human"; dd if=/dev/zero of=big bs=1024 count=1500 2>/dev/null; touch -d '2021-06-07 08:09:10' big; ls -lh big
echo "-- -ld dir"; mkdir d; chmod 750 d; ls -ld d | cut -c1-10
