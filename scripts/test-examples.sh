#!/usr/bin/env bash
# Checks the installed CMake package with the example project (examples/):
# installs the ddx built in the build directory into a prefix there, then
# configures, builds and runs the example against it (find_package(ddx) and
# ddx_add_derivatives) in three configurations:
#   plugin-clang     clang++-19, default mode (PLUGIN: the ddx plugin)
#   generate-clang   clang++-19, -DDDX_MODE=GENERATE (ddx gen at build time)
#   generate-gcc     g++, default mode (GENERATE)
# In plugin-clang and generate-gcc it then checks incremental builds: after
# `touch`ing one file, only what depends on it is regenerated and recompiled.
# Fails if any check fails.
#   DDX_BUILD_DIR: see build.sh; the tools and the plugin are built there
#   first if needed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${DDX_BUILD_DIR:-$ROOT/build}"
export DDX_BUILD_DIR="$BUILD_DIR"
WORK="$BUILD_DIR/examples"
PREFIX="$WORK/install"
START=$SECONDS

# What `cmake --install` installs must be up to date.
targets=(ddx ddx-opt)
if [[ -d "$ROOT/lib/Plugin" ]]; then targets+=(ddx-plugin); fi
if [[ -f "$BUILD_DIR/build.ninja" ]]; then
  if ! out=$(ninja -C "$BUILD_DIR" "${targets[@]}" 2>&1); then
    echo "$out" >&2
    echo "test-examples: building ddx FAILED" >&2
    exit 1
  fi
else
  "$ROOT/scripts/build.sh"
fi

rm -rf "$WORK"
mkdir -p "$WORK"
# Install to one place and move it: the package must not depend on where it
# was installed.
echo "== cmake --install $BUILD_DIR (moved to $PREFIX afterwards)"
cmake --install "$BUILD_DIR" --prefix "$WORK/staging" >"$WORK/install.log"
mv "$WORK/staging" "$PREFIX"

status=0
fail() {
  echo "test-examples: $*" >&2
  status=1
}

# build <name> <compiler> <expected mode> [cmake args]: configures, builds and
# runs the example, from a copy of examples/ in $WORK/<name>/src (which the
# incremental checks touch) into $WORK/<name>/build.
build() {
  local name=$1 cxx=$2 mode=$3
  shift 3
  local src="$WORK/$name/src" dir="$WORK/$name/build" log="$WORK/$name/log"
  echo "== $name: $cxx, MODE $mode"
  mkdir -p "$WORK/$name"
  cp -R "$ROOT/examples" "$src"
  if ! cmake -G Ninja -S "$src" -B "$dir" -DCMAKE_BUILD_TYPE=Release \
         -DCMAKE_PREFIX_PATH="$PREFIX" -DCMAKE_CXX_COMPILER="$cxx" "$@" \
         >"$log" 2>&1; then
    cat "$log" >&2
    fail "$name: configure FAILED"
    return 1
  fi
  # The mode ddx_add_derivatives picked shows in the build rules.
  local uses_plugin=no want_plugin=no
  if grep -q -- '-fplugin=' "$dir/build.ninja"; then uses_plugin=yes; fi
  if [[ $mode == PLUGIN ]]; then want_plugin=yes; fi
  if [[ $uses_plugin != "$want_plugin" ]]; then
    fail "$name: expected MODE $mode, but -fplugin is used: $uses_plugin"
  fi
  if ! ninja -C "$dir" >>"$log" 2>&1; then
    cat "$log" >&2
    fail "$name: build FAILED"
    return 1
  fi
  if ! "$dir/decay-example"; then
    fail "$name: the example FAILED"
    return 1
  fi
}

# rebuild <name> <what> <expected ddx runs> <expected compiles>: runs ninja
# and compares what it ran (descriptions of the ddx commands, and the sources
# compiled) with the expectation (sorted; ddx runs comma-separated, sources
# space-separated), then runs the example.
rebuild() {
  local name=$1 what=$2 want_gen=$3 want_cc=$4 out gen cc
  local dir="$WORK/$name/build"
  if ! out=$(NINJA_STATUS="ran: " ninja -C "$dir" 2>&1); then
    echo "$out" >&2
    fail "$name: incremental build after $what FAILED"
    return 1
  fi
  gen=$(sed -n 's/^ran: \(ddx gen.*\)/\1/p' <<<"$out" | sort | paste -sd,)
  cc=$(sed -n 's/^ran: Building CXX object .*\/\([^/]*\)\.o$/\1/p' <<<"$out" |
    sort | paste -sd' ')
  if [[ "$gen" == "$want_gen" && "$cc" == "$want_cc" ]]; then
    echo "   $what: ran [${gen:-no ddx}], compiled [${cc:-nothing}]: ok"
  else
    echo "$out" >&2
    fail "$name: after $what expected ddx [$want_gen] and compiles" \
      "[$want_cc], got [$gen] and [$cc]"
  fi
  if ! "$dir/decay-example" >/dev/null; then
    fail "$name: the example FAILED after $what"
  fi
}

# incremental <name> <ddx command> <the compiled form of decay.cpp>
incremental() {
  local name=$1 gen=$2 lib=$3 src="$WORK/$1/src" dir="$WORK/$1/build"
  echo "== $name: incremental builds"
  if [[ $(ninja -C "$dir" -n) != *"no work to do"* ]]; then
    ninja -C "$dir" -n -d explain >&2 || true
    fail "$name: a second build is not a no-op"
  fi
  # Regenerates decay.cpp's derivatives only. main.cpp includes decay.ddx.h,
  # whose text does not change, so it is not recompiled.
  touch "$src/src/decay.cpp"
  rebuild "$name" "touch src/decay.cpp" "$gen" "$lib"
  touch "$src/main.cpp"
  rebuild "$name" "touch main.cpp" "" "main.cpp"
  # A header decay.cpp includes (found through the depfile).
  touch "$src/include/decay.h"
  rebuild "$name" "touch include/decay.h" "$gen" "$lib main.cpp"
  # A new request changes decay.ddx.h, so main.cpp is recompiled too.
  echo 'DDX_TANGENT_AS(decay_dt, decay, "t");' >>"$src/src/decay.cpp"
  rebuild "$name" "a new request in src/decay.cpp" "$gen" "$lib main.cpp"
  if ! grep -q 'decay_dt' "$dir/ddx/decay/decay.ddx.h"; then
    fail "$name: decay.ddx.h does not declare the new derivative decay_dt"
  fi
}

# Whether to expect the plugin: once lib/Plugin exists it must be installed.
if [[ -e "$PREFIX/lib/ddx/ddx-plugin.so" || -d "$ROOT/lib/Plugin" ]]; then
  if build plugin-clang clang++-19 PLUGIN; then
    incremental plugin-clang "ddx gen --header src/decay.cpp" decay.cpp
  fi
else
  echo "== plugin-clang: SKIPPED (ddx is built without lib/Plugin)"
fi
build generate-clang clang++-19 GENERATE -DDDX_MODE=GENERATE || true
if build generate-gcc g++ GENERATE; then
  incremental generate-gcc "ddx gen src/decay.cpp" decay.ddx.cpp
fi

if [[ $status -eq 0 ]]; then
  echo "test-examples: all passed ($((SECONDS - START)) s)"
fi
exit $status
