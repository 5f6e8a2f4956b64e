#!/usr/bin/env bash
# Fresh-machine proof: clones this repository (or the one given) into an empty directory and runs the README's two
# set-up commands exactly as written. Usage: build/fresh-clone-check.sh [REPOSITORY]
set -euo pipefail
repo=${1:-$(cd "$(dirname "$0")/.." && pwd)}
dir=$(mktemp -d)
echo "== cloning $repo into $dir"
git clone -q "$repo" "$dir/secure-exec"
cd "$dir/secure-exec"
./build.sh demo
./build.sh test
echo "== fresh clone: both README commands passed ($dir)"
