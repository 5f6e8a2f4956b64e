#!/usr/bin/env bash
# Proves the packages work for a consumer: packs the repository (already built in $CONFIGURATION) into
# artifacts/packages, copies samples/consumers to an empty directory outside the repository, and builds/tests each
# sample against those packages (PackageReference from a local feed; no project references, no repository fallbacks).
set -euo pipefail
cd "$(dirname "$0")/.."
configuration=${CONFIGURATION:-Release}
version="0.1.0-local.$(date -u +%Y%m%d%H%M%S)"
feed="$PWD/artifacts/packages"

rm -rf "$feed"
dotnet pack SecureExec.Testing.sln -c "$configuration" --no-build -nologo -v:quiet -p:Version="$version" -o "$feed"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r samples/consumers/. "$work/"
cat > "$work/NuGet.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="secure-exec-local" value="$feed" />
  </packageSources>
</configuration>
XML

props=(-nologo -v:quiet -p:SecureExecVersion="$version")
echo "== samples: xUnit consumer ($version)"
dotnet test "$work/XunitConsumer" "${props[@]}"
echo "== samples: NUnit consumer"
dotnet test "$work/NUnitConsumer" "${props[@]}"
echo "== samples: MSBuild consumer (a JS generator in the VM before Build)"
dotnet build "$work/MSBuildConsumer" "${props[@]}"
out=$(dotnet run --project "$work/MSBuildConsumer" --no-build "${props[@]}")
if [ "$out" != "blue,green,red" ]; then
  echo "MSBuild consumer printed '$out', expected 'blue,green,red'" >&2
  exit 1
fi
echo "MSBuild consumer: $out"
