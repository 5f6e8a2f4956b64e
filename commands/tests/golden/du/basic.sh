mkdir -p t/a/b t/c; printf 'x' > t/f; printf 'hello' > t/a/g; : > t/a/b/h
du t | cut -f2 | sort
echo "-- -a"; du -a t | cut -f2 | sort
echo "-- -s"; du -s t | cut -f2
echo "-- -c"; du -sc t t/a | cut -f2
echo "-- -d1"; du -d 1 t | cut -f2 | sort
echo "-- file arg"; du t/f | cut -f2
echo "-- bytes"; du -ab t/f t/a/g t/a/b/h
echo "-- apparent"; du -a --apparent-size -b t | grep -v "/[abc]$\|t$" | sort -k2
echo "-- sizes"; dd if=/dev/zero of=big bs=1024 count=100 2>/dev/null; du -k big; du -h big; du -b big; du -m big
