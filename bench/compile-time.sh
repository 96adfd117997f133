#!/usr/bin/env bash
# Compile-time cost of the plugin: for each source with requests, the median
# wall time (of N runs, default 5) of
#   plain   clang++-19 -c <file>            (requests compile to nothing)
#   plugin  clang++-19 -fplugin=... -c <file>   (derivatives generated and
#           compiled in the same compile)
#   gen'd   clang++-19 -c <ddx gen output>  (the same code, generated first)
# and the ratios plugin/plain (the cost of having derivatives at all) and
# plugin/gen'd (what generating them inside the compile adds).
#   DDX_BUILD_DIR  ddx build directory (default: <repo>/build)
#   OPT            optimisation flag (default: -O2)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${DDX_BUILD_DIR:-$ROOT/build}"
OPT="${OPT:--O2}"
N="${N:-5}"
CXX=clang++-19
PLUGIN="$BUILD_DIR/lib/ddx/ddx-plugin.so"
FLAGS=(-std=c++17 "$OPT" -I"$ROOT/include" -I"$ROOT/examples/include")
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
timeit() {
  for _ in $(seq "$N"); do
    local s e
    s=$(date +%s%N)
    "$@" >/dev/null 2>&1
    e=$(date +%s%N)
    echo $(((e - s) / 1000000))
  done | median
}

printf '%-28s %9s %9s %9s %12s %12s\n' file plain plugin "gen'd" plugin/plain "plugin/gen'd"
for f in examples/src/decay.cpp examples/demo/demo.cpp bench/kernels/rosenbrock.cpp \
         bench/kernels/gmm.cpp bench/kernels/ba.cpp; do
  src="$ROOT/$f"
  "$BUILD_DIR/bin/ddx" gen "$src" -o "$TMP/gen.cpp" -- "${FLAGS[@]}"
  plain=$(timeit "$CXX" "${FLAGS[@]}" -c "$src" -o "$TMP/a.o")
  plugin=$(timeit "$CXX" "${FLAGS[@]}" -fplugin="$PLUGIN" -c "$src" -o "$TMP/b.o")
  gend=$(timeit "$CXX" "${FLAGS[@]}" -iquote "$(dirname "$src")" -c "$TMP/gen.cpp" -o "$TMP/c.o")
  awk -v f="$f" -v a="$plain" -v b="$plugin" -v c="$gend" 'BEGIN {
    printf "%-28s %8.3fs %8.3fs %8.3fs %12.2f %12.2f\n", f, a / 1000, b / 1000,
           c / 1000, b / a, b / c }'
done
