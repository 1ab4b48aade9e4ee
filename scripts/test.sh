#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test headless (offscreen Qt platform).
# Benchmarks run too and print their figures; they never fail on speed.
# The store tests also run against a throwaway PostgreSQL server (scripts/pg-test-server.sh),
# started here and stopped and removed on the way out, also when a test fails or the run is
# interrupted. PEERING_TEST_PG=off skips it (the PostgreSQL store tests then skip themselves).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${PEERING_BUILD_DIR:-$ROOT/build/release}"
"$ROOT/scripts/build.sh"

export QT_QPA_PLATFORM=offscreen

if [ "${PEERING_TEST_PG:-on}" != "off" ]; then
  server="$("$ROOT/scripts/pg-test-server.sh" start)" || {
    echo "test.sh: the PostgreSQL test server did not start (see above); PEERING_TEST_PG=off runs without it" >&2
    exit 1
  }
  eval "$server"
  stop_server() { "$ROOT/scripts/pg-test-server.sh" stop "$PEERING_TEST_PG_DIR" || true; }
  trap stop_server EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  echo "test.sh: PostgreSQL test server at $PEERING_TEST_PG_URL"
fi

cd "$BUILD_DIR"
if [ $# -gt 0 ]; then
  ctest --output-on-failure "$@"
  exit $?
fi
# Tests in parallel; then the benchmarks one at a time, so that their figures are not disturbed by
# other work, with their output in the log.
ctest --output-on-failure -j2 -LE benchmark
ctest --output-on-failure -L benchmark -V | grep -E "^[0-9]+: bench_|tests passed|tests failed|Test +#"
