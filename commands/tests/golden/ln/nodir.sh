mkdir d1 d2
ln -s d1 cur
ln -sf d2 cur; ls -l cur | sed 's/.* cur/cur/'; ls cur
ln -sfn d2 cur; ls -l cur | sed 's/.* cur/cur/'
