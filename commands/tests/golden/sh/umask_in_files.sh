umask 077
echo > f
ls -l f | cut -c1-10
umask 022
echo > g
ls -l g | cut -c1-10
