#!/usr/bin/env bash
# Shared set-up for run.sh and test.sh: install what is missing, configure once, build (Release, -j2).
# PEERING_BUILD_PRESET=dev configures with that preset of CMakePresets.json instead (test.sh
# --sanitize; the preset names its own build folder, build/dev).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${PEERING_BUILD_DIR:-$ROOT/build/release}"

"$ROOT/scripts/install-deps.sh"

if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
  if [ -n "${PEERING_BUILD_PRESET:-}" ]; then
    (cd "$ROOT" && cmake --preset "$PEERING_BUILD_PRESET" >/dev/null)
  else
    cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  fi
fi
cmake --build "$BUILD_DIR" -j2
