#!/usr/bin/env bash
# Installs what is missing, builds, and starts the Peering Onboarding Wizard.
# Arguments are passed to peering-wizard (e.g. ./scripts/run.sh validate FILE).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${PEERING_BUILD_DIR:-$ROOT/build/release}"
"$ROOT/scripts/build.sh" >&2

if [ $# -eq 0 ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "run.sh: no display to open the window on; use the command line instead, e.g. ./scripts/run.sh validate docs/examples/example-ix.json (./scripts/run.sh --help lists the commands)" >&2
  exit 2
fi
exec "$BUILD_DIR/app/peering-wizard" "$@"
