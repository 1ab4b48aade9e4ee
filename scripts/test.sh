#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test headless (offscreen Qt platform).
# Benchmarks run too and print their figures; they never fail on speed.
# The store tests also run against a throwaway PostgreSQL server (scripts/pg-test-server.sh),
# started here and stopped and removed on the way out, also when a test fails or the run is
# interrupted. PEERING_TEST_PG=off skips it (the PostgreSQL store tests then skip themselves).
# ctest counts a skipped suite as no failure; here the suites CI must run fail the run when they
# were skipped: the PDF export suite always (poppler-utils is a dependency), the PostgreSQL suites
# unless PEERING_TEST_PG=off. Other skipped suites are named, and do not fail the run.
# After the benchmarks, when clang-14 is installed, scripts/fuzz.sh builds the fuzz targets and
# fuzzes each for a while (PEERING_FUZZ_SECONDS, 30 s); PEERING_FUZZ=off skips it.
#
#   --sanitize   the whole suite in a Debug build with AddressSanitizer and UBSan (build/dev, the
#                "dev" preset); any report fails its test. No benchmarks and no fuzzing there.
# Other arguments go to ctest (e.g. ./scripts/test.sh -R tst_document).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SANITIZE=0
if [ "${1:-}" = "--sanitize" ]; then
  SANITIZE=1
  shift
  export PEERING_BUILD_DIR="$ROOT/build/dev" PEERING_BUILD_PRESET=dev
fi
BUILD_DIR="${PEERING_BUILD_DIR:-$ROOT/build/release}"
"$ROOT/scripts/build.sh"

export QT_QPA_PLATFORM=offscreen
if [ "$SANITIZE" = 1 ]; then
  # A report is a failure: UBSan stops at the first (by default it prints and goes on), ASan
  # reports leaks at exit. tests/sanitizers/lsan.supp holds the leaks of Qt and GLib/GMime
  # internals only (see there why each is not ours).
  export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
  export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
  export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$ROOT/tests/sanitizers/lsan.supp:print_suppressions=0}"
fi

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

required_suites() {
  echo tst_export_pdf
  if [ "${PEERING_TEST_PG:-on}" != "off" ]; then
    echo tst_store_postgresql
    echo tst_cli_store_postgresql
    echo tst_store_pg_faults
    echo tst_peeringdb_postgresql
  fi
}

# Reads ctest's output; fails naming every required suite in its "did not run" list (skipped
# through SKIP_RETURN_CODE, disabled, or not found).
check_skipped() {
  local status=0 name reason
  while IFS=$'\t' read -r name reason; do
    if required_suites | grep -qxF "$name"; then
      echo "test.sh: $name did not run ($reason), but it must run here:" >&2
      ctest -R "^$name\$" -V 2>&1 | grep -E "^[0-9]+: SKIP|^[0-9]+: +Loc" >&2 || true
      status=1
    else
      echo "test.sh: note: $name did not run ($reason)" >&2
    fi
  done < <(sed -n '/^The following tests did not run:/,/^$/p' "$1" \
             | sed -nE 's/^[[:space:]]*[0-9]+ - ([^ ]+) \((.*)\)$/\1\t\2/p')
  return $status
}

# ctest with its output shown and kept for check_skipped; the exit status is ctest's, or 1 when
# only a required suite was skipped.
run_ctest() {
  local log status=0
  log="$(mktemp)"
  ctest "$@" 2>&1 | tee "$log" || status=$?
  check_skipped "$log" || { [ "$status" -ne 0 ] || status=1; }
  rm -f "$log"
  return "$status"
}

cd "$BUILD_DIR"
if [ $# -gt 0 ]; then
  status=0
  run_ctest --output-on-failure "$@" || status=$?
  exit "$status"
fi
# Tests in parallel; then the benchmarks one at a time, so that their figures are not disturbed by
# other work, with their output in the log.
if [ "$SANITIZE" = 1 ]; then
  status=0
  run_ctest --output-on-failure -j2 -LE benchmark || status=$?
  exit "$status"
fi
run_ctest --output-on-failure -j2 -LE benchmark
ctest --output-on-failure -L benchmark -V | grep -E "^[0-9]+: bench_|tests passed|tests failed|Test +#"
if [ "${PEERING_FUZZ:-on}" != "off" ] && command -v clang++-14 >/dev/null 2>&1; then
  "$ROOT/scripts/fuzz.sh"
elif [ "${PEERING_FUZZ:-on}" != "off" ]; then
  echo "test.sh: note: clang++-14 not installed, the fuzz targets did not run (scripts/fuzz.sh)" >&2
fi
