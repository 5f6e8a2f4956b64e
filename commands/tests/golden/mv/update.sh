echo old > o; touch -d '2020-01-01' o; echo new > n; touch -d '2021-01-01' n
mv -u o n; cat n; ls o
mv -uv n o; cat o; ls n 2>&1
