#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test headless (offscreen Qt platform).
# Benchmarks run too and print their figures; they never fail on speed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${PEERING_BUILD_DIR:-$ROOT/build/release}"
"$ROOT/scripts/build.sh"

export QT_QPA_PLATFORM=offscreen
cd "$BUILD_DIR"
ctest --output-on-failure -j2 "$@"
