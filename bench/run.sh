#!/usr/bin/env bash
# Builds and runs the benchmarks: installs missing packages (including
# libadolc-dev), builds ddx, configures and builds bench/ against it, runs
# bench-check (every gradient against the hand-written one and finite
# differences) and then ddx-bench, which ends with the ratio table.
#   DDX_BUILD_DIR        ddx's build directory (default: <repo>/build)
#   DDX_BENCH_BUILD_DIR  the benchmarks' build directory
#                        (default: <repo>/build-bench)
#   DDX_BENCH_WITH_DDX   ON (default) or OFF: OFF times everything but ddx's
#                        gradients and does not build ddx
#   DDX_JOBS             parallel build jobs (default: nproc)
# Arguments go to ddx-bench (Google Benchmark flags); without any, it runs
# with --benchmark_repetitions=3 and the table shows median CPU times.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${DDX_BUILD_DIR:-$ROOT/build}"
BENCH_DIR="${DDX_BENCH_BUILD_DIR:-$ROOT/build-bench}"
WITH_DDX="${DDX_BENCH_WITH_DDX:-ON}"
JOBS="${DDX_JOBS:-$(nproc)}"
export DDX_BUILD_DIR="$BUILD_DIR" DDX_JOBS="$JOBS"

"$ROOT/scripts/install-deps.sh"

case "$WITH_DDX" in
  ON|on|1|TRUE|true|YES|yes) WITH_DDX=ON ;;
  *) WITH_DDX=OFF ;;
esac
if [[ "$WITH_DDX" == ON ]]; then
  "$ROOT/scripts/build.sh"
fi

echo "== configuring bench/ in $BENCH_DIR (DDX_BENCH_WITH_DDX=$WITH_DDX)"
cmake -G Ninja -S "$ROOT/bench" -B "$BENCH_DIR" -DCMAKE_BUILD_TYPE=Release \
  -DDDX_BUILD_DIR="$BUILD_DIR" -DDDX_BENCH_WITH_DDX="$WITH_DDX"
ninja -C "$BENCH_DIR" -j"$JOBS"

# ADOL-C writes (and removes) temporary tape files in the working directory.
cd "$BENCH_DIR"

echo "== bench-check"
./bench-check

echo "== ddx-bench"
if [[ $# -eq 0 ]]; then
  set -- --benchmark_repetitions=3
fi
./ddx-bench "$@"
