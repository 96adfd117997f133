#!/usr/bin/env bash
# Compile-time cost of the plugin: for each source with requests, the median
# CPU time (user + system, of N runs, default 5; steadier than wall time on a
# shared machine) of
#   plain   clang++-19 -c <file>            (requests compile to nothing; "-"
#           when the file calls its derivatives, so cannot compile this way)
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

# Median CPU time (user + system of the compiler and its children) in ms.
timeit() {
  python3 - "$N" "$@" <<'PY'
import resource, statistics, subprocess, sys
n, cmd = int(sys.argv[1]), sys.argv[2:]
times = []
for _ in range(n):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    if subprocess.run(cmd, stdout=subprocess.DEVNULL,
                      stderr=subprocess.DEVNULL).returncode != 0:
        print(-1)  # It does not compile this way (it calls a derivative).
        sys.exit(0)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    times.append((after.ru_utime - before.ru_utime) +
                 (after.ru_stime - before.ru_stime))
print(int(statistics.median(times) * 1000))
PY
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
    if (a < 0)
      printf "%-28s %9s %8.3fs %8.3fs %12s %12.2f\n", f, "-", b / 1000,
             c / 1000, "-", b / c
    else
      printf "%-28s %8.3fs %8.3fs %8.3fs %12.2f %12.2f\n", f, a / 1000,
             b / 1000, c / 1000, b / a, b / c }'
done
