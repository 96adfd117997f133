#!/usr/bin/env bash
# Installs missing packages, builds ddx, differentiates examples/demo/demo.cpp
# with `ddx gen`, builds the output with clang++-19 and runs it.
#   DDX_BUILD_DIR, DDX_JOBS: see build.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${DDX_BUILD_DIR:-$ROOT/build}"
export DDX_BUILD_DIR="$BUILD_DIR"

"$ROOT/scripts/install-deps.sh"
"$ROOT/scripts/build.sh"

OUT="$BUILD_DIR/demo"
mkdir -p "$OUT"
FLAGS=(-std=c++17 -I"$ROOT/include")

echo "== ddx gen examples/demo/demo.cpp -o $OUT/demo.ddx.cpp"
"$BUILD_DIR/bin/ddx" gen "$ROOT/examples/demo/demo.cpp" -o "$OUT/demo.ddx.cpp" \
  -- "${FLAGS[@]}"

echo "== the derivatives ddx wrote (in place of the request):"
awk '/^[^ \/].*_tangent\(/ { p = 1 } p { print } p && /^}/ { p = 0 }' \
  "$OUT/demo.ddx.cpp"

echo "== clang++-19 -O2 $OUT/demo.ddx.cpp"
clang++-19 "${FLAGS[@]}" -O2 -Wall -Wextra "$OUT/demo.ddx.cpp" -o "$OUT/demo"

echo "== run"
"$OUT/demo"
