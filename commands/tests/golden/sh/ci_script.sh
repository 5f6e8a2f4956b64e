#!/bin/sh
set -eu
log() { printf '[%s] %s\n' "$1" "$2" >&2; }
die() { log ERROR "$*"; exit 1; }
root=$(pwd)
mkdir -p build/out src
for f in a b c; do
  cat > "src/$f.c" <<SRC
int $f(void) { return 0; }
SRC
done
count=0
for f in src/*.c; do
  base=${f##*/}; base=${base%.c}
  cp "$f" "build/out/$base.o"
  count=$((count + 1))
done
log INFO "built $count objects"
ls build/out | sort | tr '\n' ' '; echo
if [ "${CI:-}" = true ]; then echo ci; else echo local; fi
opts=""
while [ $# -gt 0 ]; do opts="$opts $1"; shift; done
echo "opts:${opts:- none}"
version=$(printf '1.2.3\n' | { IFS=. read -r maj min pat; echo "$maj.$min.$((pat + 1))"; })
echo "next version $version"
case "$version" in
  1.*) echo "major one" ;;
  *) die "unexpected" ;;
esac
find build -type f | sort | while read -r p; do echo "file: $p"; done
cd build && cd "$root"
test -d build && rm -r build
[ ! -e build ] && echo cleaned
trap 'echo "exit with $?"' EXIT
false || true
grep -q nothing /dev/null || echo "grep miss"
exit 0
