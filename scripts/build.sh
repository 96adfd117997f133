#!/usr/bin/env bash
# Configures and builds ddx (Release) with CMake and Ninja.
#   DDX_BUILD_DIR  build directory (default: <repo>/build)
#   DDX_JOBS       parallel build jobs (default: nproc)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${DDX_BUILD_DIR:-$ROOT/build}"
JOBS="${DDX_JOBS:-$(nproc)}"

cmake -G Ninja -S "$ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release
ninja -C "$BUILD_DIR" -j"$JOBS"
