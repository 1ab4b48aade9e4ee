#!/usr/bin/env bash
# Shared set-up for run.sh and test.sh: install what is missing, configure once, build (Release, -j2).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${PEERING_BUILD_DIR:-$ROOT/build/release}"

"$ROOT/scripts/install-deps.sh"

if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
  cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$BUILD_DIR" -j2
