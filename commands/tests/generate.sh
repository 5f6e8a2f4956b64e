#!/bin/sh
# Records expected outputs of the golden cases from the host's dash and GNU tools (see README.md).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/golden"
suites=${*:-$(ls -d */ | tr -d /)}
for suite in $suites; do
  for script in "$suite"/*.sh; do
    [ -e "$script" ] || continue
    case=${script%.sh}
    work=$(mktemp -d)
    cp "$script" "$work/"
    name=$(basename "$script")
    set +e
    (cd "$work" && env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$work" LC_ALL=C TZ=UTC \
        timeout 10 /bin/dash "$name" >"$here/golden/$case.out" 2>"$here/golden/$case.err" </dev/null)
    echo $? >"$here/golden/$case.status"
    set -e
    rm -rf "$work"
  done
done
{
  echo "Generated on $(uname -s) $(uname -m) with:"
  echo "dash $(dpkg-query -W -f='${Version}' dash 2>/dev/null || echo unknown)"
  ls --version | head -1; grep --version | head -1; sed --version | head -1
  find --version | head -1; diff --version | head -1
  if command -v gawk >/dev/null; then gawk --version | head -1; fi
} >"$here/golden/VERSIONS"
