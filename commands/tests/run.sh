#!/bin/sh
# Runs the golden cases with another shell and tool directory and compares (see README.md).
#   run.sh --sh /path/to/sh --path /dir/with/tools [suite...]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
shell=/bin/sh; tools=
while [ $# -gt 0 ]; do
  case $1 in
    --sh) shell=$2; shift 2 ;;
    --path) tools=$2; shift 2 ;;
    *) break ;;
  esac
done
cd "$here/golden"
suites=${*:-$(ls -d */ | tr -d /)}
pass=0; fail=0
for suite in $suites; do
  for script in "$suite"/*.sh; do
    [ -e "$script" ] || continue
    case=${script%.sh}
    work=$(mktemp -d)
    got=$(mktemp -d)   # outputs live outside the case's directory, which holds only the script
    cp "$script" "$work/"
    name=$(basename "$script")
    set +e
    (cd "$work" && env -i PATH="${tools:+$tools:}/usr/bin:/bin" HOME="$work" LC_ALL=C TZ=UTC \
        timeout 10 "$shell" "$name" >"$got/out" 2>"$got/err" </dev/null)
    status=$?
    set -e
    ok=1
    cmp -s "$got/out" "$case.out" || ok=0
    cmp -s "$got/err" "$case.err" || ok=0
    [ "$status" = "$(cat "$case.status")" ] || ok=0
    if [ $ok = 1 ]; then
      pass=$((pass + 1))
    else
      fail=$((fail + 1))
      echo "FAIL $case (status $status, expected $(cat "$case.status"))"
      diff -u "$case.out" "$got/out" | sed 's/^/  out| /' | head -20 || true
      diff -u "$case.err" "$got/err" | sed 's/^/  err| /' | head -10 || true
    fi
    rm -rf "$work" "$got"
  done
done
echo "$pass passed, $fail failed"
[ $fail = 0 ]
