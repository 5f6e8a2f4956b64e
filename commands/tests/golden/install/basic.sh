echo data > f; chmod 600 f
install f g; ls -l g | cut -c1-10
install -m 644 -v f h; ls -l h | cut -c1-10
install -d -v a/b; ls -ld a/b | cut -c1-10
install -D -v f deep/x/y; cat deep/x/y
mkdir d; install -m 600 f g d; ls d
install -t d -v f
install missing x; echo "status $?"
install f; echo "status $?"
install f f; echo "status $?"
