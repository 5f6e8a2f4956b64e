#!/usr/bin/env bash
# Checks the C-to-WASM toolchain the guest commands are built with (Debian packages):
#   clang, lld (wasm-ld), wasi-libc, libclang-rt-14-dev-wasm32.
# Installs what is missing with apt-get when run as root; otherwise prints exactly what to install.
set -euo pipefail

missing=()
command -v clang >/dev/null 2>&1 || missing+=(clang)
command -v wasm-ld >/dev/null 2>&1 || command -v wasm-ld-14 >/dev/null 2>&1 || missing+=(lld)
[ -f /usr/lib/wasm32-wasi/libc.a ] || missing+=(wasi-libc)
ls /usr/lib/llvm-*/lib/clang/*/lib/wasi/libclang_rt.builtins-wasm32.a >/dev/null 2>&1 || missing+=(libclang-rt-14-dev-wasm32)
command -v make >/dev/null 2>&1 || missing+=(make)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "toolchain: installing ${missing[*]} with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq "${missing[@]}" >&2
  exit 0
fi

echo "error SXB0001: the WASM command toolchain is missing: ${missing[*]}" >&2
echo "  install it with: sudo apt-get install -y ${missing[*]}" >&2
exit 1
