alias ll='echo ll:'
( ll a )
echo "$(ll b)"
ll c | cat
f() {
  if [ "$1" = a ]; then echo A; elif [ "$1" = b ]; then echo B; else echo C; fi
  for i in 1 2; do echo "i$i"; done
  while false; do :; done
  until true; do :; done
  case $1 in a|b) echo ab;; *) ;; esac
  { echo grp; } > /dev/null
  ( echo sub ) 2>&1
  echo bg & wait
  ! false && echo neg
  true || echo no
  x=1 y=2; echo $x$y
  g() { echo nested-def; }
  g
  cat <<EOT
heredoc $1
EOT
  cat <<'EOT' ; echo after-hd
raw $1
EOT
}
f a | cat
f b | cat
(f c)
f a > out; cat out
for i in 1 2; do echo loop$i; done | cat
if true; then echo iftrue; fi | cat
case x in x) echo casex;; esac | cat
while read l; do echo "w:$l"; done <<EOF | cat
l1
l2
EOF
{ echo g1; echo g2 >&2; } 2>&1 | cat
f() { echo $LINENO; nosuchcmd; }
f | cat
( nosuch2 )
echo "$(nosuch3)"
echo done
