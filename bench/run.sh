#!/usr/bin/env bash
# Runs the scenario benchmarks (Release) and records bench/results/latest.{md,json}.
#   bench/run.sh            full run
#   bench/run.sh --quick    one iteration of each, no recording (a smoke check, not a measurement)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run --project bench/SecureExec.Bench -c Release -- "$@"
