touch -d '2020-01-01 00:00:00' f
touch -a -d '2021-01-01 00:00:00' f
ls -l f | cut -c30-; ls -lu f | cut -c30-
touch -m -d '2022-01-01 00:00:00' f
ls -l f | cut -c30-; ls -lu f | cut -c30-
