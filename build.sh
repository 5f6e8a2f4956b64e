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
    echo "== a guest shell pipeline, run inside the VM (no host process, no host file):"
    echo "\$ secure-exec sh -c 'printf \"b\\na\\nc\\n\" | sort | tr a-z A-Z; ls /usr/bin | wc -l'"
    "${cli[@]}" sh -c 'printf "b\na\nc\n" | sort | tr a-z A-Z; echo "commands in /usr/bin: $(ls /usr/bin | wc -l)"'
    ;;
  test)
    build
    dotnet test SecureExec.Testing.sln -c "$configuration" --no-build -nologo -v:minimal
    ;;
  *)
    echo "usage: ./build.sh demo | test" >&2
    exit 2
    ;;
esac
