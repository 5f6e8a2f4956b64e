#!/usr/bin/env bash
# The two set-up commands of the README:
#   ./build.sh demo   builds everything and runs the demo
#   ./build.sh test   builds everything and runs the whole test suite
# Needs only the .NET SDK and Node.js; the C-to-WASM toolchain is installed on first use (build/toolchain.sh).
set -euo pipefail
cd "$(dirname "$0")"

configuration=${CONFIGURATION:-Release}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

build() {
  bash build/toolchain.sh
  dotnet build SecureExec.Testing.sln -c "$configuration" -nologo -v:minimal
}

case "${1:-}" in
  demo)
    build
    cli=(dotnet "src/Cli/bin/$configuration/net10.0/secure-exec.dll")
    echo "== guest JavaScript spawning a shell pipeline inside the VM (samples/demo/pipeline.mjs):"
    "${cli[@]}" --mount "$PWD/samples/demo:/demo:ro" node /demo/pipeline.mjs
    echo "== the same VM from the command line: secure-exec sh -c '...'"
    "${cli[@]}" sh -c 'echo hello | wc -c; uname -a'
    ;;
  test)
    build
    dotnet test SecureExec.Testing.sln -c "$configuration" --no-build -nologo -v:minimal
    # The packages as a consumer sees them: pack, then build and test samples/consumers against a local feed.
    CONFIGURATION="$configuration" bash build/samples.sh
    # The benchmarks as a smoke test (each scenario once, micro-benchmarks as a dry job; no timing asserted, no peer).
    bash bench/run.sh --quick --no-peer
    ;;
  *)
    echo "usage: ./build.sh demo | test" >&2
    exit 2
    ;;
esac
