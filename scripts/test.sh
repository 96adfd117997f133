#!/usr/bin/env bash
# Installs missing packages, builds ddx, then runs the GoogleTest unit tests,
# the lit suite (IR, lowering, tangent, emitter, CLI and execution tests) and
# the example project against the installed package (test-examples.sh). All
# always run; the script fails if any fails.
#   DDX_BUILD_DIR, DDX_JOBS: see build.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${DDX_BUILD_DIR:-$ROOT/build}"
export DDX_BUILD_DIR="$BUILD_DIR"

"$ROOT/scripts/install-deps.sh"
"$ROOT/scripts/build.sh"

status=0

echo "== unit tests (GoogleTest)"
if ! "$BUILD_DIR/bin/ddx-unittests"; then
  echo "test.sh: unit tests FAILED" >&2
  status=1
fi

echo "== lit tests"
if ! ninja -C "$BUILD_DIR" check-lit; then
  echo "test.sh: lit tests FAILED" >&2
  status=1
fi

echo "== examples (the installed CMake package, scripts/test-examples.sh)"
if ! "$ROOT/scripts/test-examples.sh"; then
  echo "test.sh: examples FAILED" >&2
  status=1
fi

if [[ $status -eq 0 ]]; then
  echo "test.sh: all tests passed"
fi
exit $status
