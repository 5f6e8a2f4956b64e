#!/usr/bin/env bash
# The benchmark suite (Release). See bench/README.md.
#   bench/run.sh                 full run: scenarios with host baselines, the peer sandbox, BenchmarkDotNet
#                                micro-benchmarks; records results/latest.{md,json} and results/micro/ (< 10 min idle)
#   bench/run.sh --quick         smoke check: each scenario once, two peer workloads once, micro-benchmarks as a
#                                dry job; records nothing and asserts no timing (< 2 min once built and installed)
#   bench/run.sh --filter TEXT   only the scenarios whose name contains TEXT (or whose group is TEXT), and their peer
#                                workloads; records results/filtered.{md,json}; no micro-benchmarks
#   --no-peer                    without the peer sandbox (and without installing it)
#   --no-micro | --micro-only    without / only the micro-benchmarks
# BENCH_BUILD_ARGS adds dotnet build arguments (e.g. -p:SkipGuestCommands=true).
set -euo pipefail
cd "$(dirname "$0")/.."
has() { local a; for a in "${@:2}"; do [[ $a == "$1" ]] && return 0; done; return 1; }
quick=(); has --quick "$@" && quick=(--quick)
build=(-c Release -nologo -v:q ${BENCH_BUILD_ARGS:-})
start=$SECONDS

if ! has --micro-only "$@"; then
  if ! has --no-peer "$@"; then
    bash bench/peer/install.sh || { echo "bench: installing the peer failed (run with --no-peer to go without it)" >&2; exit 1; }
  fi
  dotnet build bench/SecureExec.Bench "${build[@]}"
  dotnet bench/SecureExec.Bench/bin/Release/net10.0/SecureExec.Bench.dll "$@"
  echo "bench: scenarios done after $((SECONDS - start)) s"
fi

if ! has --no-micro "$@" && ! has --filter "$@"; then
  dotnet build bench/SecureExec.Bench.Micro "${build[@]}"
  dotnet bench/SecureExec.Bench.Micro/bin/Release/net10.0/SecureExec.Bench.Micro.dll "${quick[@]}"
  echo "bench: micro-benchmarks done after $((SECONDS - start)) s"
fi
