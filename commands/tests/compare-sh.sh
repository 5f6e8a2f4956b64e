#!/bin/sh
# Runs ad-hoc scripts with dash and with another shell and lists the differences (stdout, stderr, status).
#   compare-sh.sh --sh /path/to/sh [--path DIR] FILE...      scripts
#   compare-sh.sh --sh /path/to/sh [--path DIR] -e 'CODE'... snippets
# Each run happens in a fresh directory (also $HOME) with the same environment as the golden tests.
# The script name is normalised to "script" in stderr so the two runs compare equal.
set -u
shell=; tools=
while [ $# -gt 0 ]; do
  case $1 in
    --sh) shell=$2; shift 2 ;;
    --path) tools=$2; shift 2 ;;
    *) break ;;
  esac
done
[ -n "$shell" ] || { echo "usage: $0 --sh SHELL [--path DIR] (FILE | -e CODE)..." >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run() { # run SHELL PATHPREFIX SCRIPTFILE OUTPREFIX
  w=$(mktemp -d)
  cp "$3" "$w/script"
  (cd "$w" && env -i PATH="${2:+$2:}/usr/bin:/bin" HOME="$w" LC_ALL=C TZ=UTC \
      timeout 10 "$1" script >"$4.out" 2>"$4.err" </dev/null)
  echo $? >"$4.status"
  rm -rf "$w"
}
same=0; diff=0; n=0
while [ $# -gt 0 ]; do
  n=$((n + 1))
  if [ "$1" = -e ]; then
    printf '%s\n' "$2" >"$tmp/case$n"; label="-e '$2'"; shift 2
  else
    cp "$1" "$tmp/case$n"; label=$1; shift
  fi
  run /bin/dash "" "$tmp/case$n" "$tmp/a"
  run "$shell" "$tools" "$tmp/case$n" "$tmp/b"
  if cmp -s "$tmp/a.out" "$tmp/b.out" && cmp -s "$tmp/a.err" "$tmp/b.err" && cmp -s "$tmp/a.status" "$tmp/b.status"; then
    same=$((same + 1))
  else
    diff=$((diff + 1))
    echo "DIFF $label (status dash $(cat "$tmp/a.status"), sh $(cat "$tmp/b.status"))"
    diff -u "$tmp/a.out" "$tmp/b.out" | tail -n +3 | sed 's/^/  out| /' | head -20
    diff -u "$tmp/a.err" "$tmp/b.err" | tail -n +3 | sed 's/^/  err| /' | head -10
  fi
done
echo "$same same, $diff different"
[ $diff = 0 ]
