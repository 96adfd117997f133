#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages ddx needs to build and test. Packages
# that are already installed are skipped; when nothing is missing, apt-get is
# not run at all (so this works offline on a prepared machine).
set -euo pipefail

PACKAGES=(
  llvm-19-dev libclang-19-dev clang-19 llvm-19-tools
  libgtest-dev libbenchmark-dev libadolc-dev
  ninja-build cmake g++ python3
)

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "install-deps: dpkg-query not found; this script supports Debian and" \
       "Ubuntu. Install these packages by hand: ${PACKAGES[*]}" >&2
  exit 1
fi

missing=()
for pkg in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  if [[ "$status" != "install ok installed" ]]; then
    missing+=("$pkg")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#PACKAGES[@]} packages are installed"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
if [[ $(id -u) -eq 0 ]]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  echo "install-deps: not root and sudo is not available; install as root:" \
       "apt-get install ${missing[*]}" >&2
  exit 1
fi
${SUDO[@]+"${SUDO[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get update
${SUDO[@]+"${SUDO[@]}"} env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y --no-install-recommends "${missing[@]}"
