set -u
[ -z "${V+x}" ] && echo unset; echo "${V:-}" ok
echo a > f; printf "%s|" "$(cat f)"; echo
f() { echo "$@"; }; f "$(printf "a\nb")"
x=$(
  echo multi
  echo line
)
echo "$x"
for g in *.nomatch; do [ -e "$g" ] || continue; echo $g; done; echo end
n=$(printf "a\nb\nc\n" | wc -l); echo $((n + 0))
y=""; [ "$y" ] || echo empty; [ -n "$y" ] || echo empty2
exec 3>&1; out=$( { echo o; echo e >&2; } 2>&1 1>&3 ); echo "captured: $out"
echo x | { read -p "prompt> " v; echo "[$v]"; }
