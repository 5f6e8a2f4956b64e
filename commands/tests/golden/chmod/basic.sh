touch f; mkdir d
chmod 600 f; stat -c %A f
chmod u+x f; stat -c %A f
chmod g=u f; stat -c %A f
chmod o+r,g-w f; stat -c %A f
chmod a-x f; stat -c %A f
chmod 4755 f; stat -c %A f
chmod u-s,+t f; stat -c %A f
chmod 0644 f; chmod -w f; stat -c %A f
umask 022; chmod +x f; stat -c %A f
chmod =r f; stat -c %A f
chmod 755 d; chmod a=rX d; stat -c %A d
chmod u=rwx,go= d; stat -c %A d
