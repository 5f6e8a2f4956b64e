echo data > a
cp -l a hl; [ "$(stat -c %i a)" = "$(stat -c %i hl)" ] && echo "hard linked"
cp -s a sl; ls -l sl | sed 's/.* sl/sl/'
echo old > o; touch -d '2020-01-01' o; echo new > n; touch -d '2021-01-01' n
cp -u o n; cat n
cp -uv n o; cat o
cp -u a fresh; cat fresh
