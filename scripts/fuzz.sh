#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang-14 (ASan + UBSan) in build/fuzz, replays
# their kept findings and seeds, then fuzzes each for PEERING_FUZZ_SECONDS (30) seconds.
# Exits non-zero on a finding (crash, sanitizer report, broken property), and keeps the input
# that caused it in build/fuzz/findings/<target>/; copy it to tests/fuzz/regressions/<target>/
# with the fix, so ctest replays it from then on. The corpus each run grows is kept in
# build/fuzz/corpus/<target>/ and seeds the next run.
#   PEERING_FUZZ_SECONDS=N      seconds per target (default 30)
#   PEERING_FUZZ_TARGETS="a b"  only these targets (default: all of tests/fuzz)
#   PEERING_FUZZ_BUILD_DIR=DIR  another build folder
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${PEERING_FUZZ_BUILD_DIR:-$ROOT/build/fuzz}"
SECONDS_EACH="${PEERING_FUZZ_SECONDS:-30}"
TARGETS="${PEERING_FUZZ_TARGETS:-document domain mail keyscan}"

if ! command -v clang++-14 >/dev/null 2>&1; then
  echo "fuzz.sh: clang++-14 not found (scripts/install-deps.sh installs clang-14 and libclang-rt-14-dev)" >&2
  exit 2
fi

if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
  # -O1 with line tables: fast to build, fast enough to fuzz, and stack traces with lines.
  CC=clang-14 CXX=clang++-14 cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
    -DPEERING_FUZZ=ON >/dev/null
fi
cmake --build "$BUILD_DIR" --target peering_fuzz -j2

export QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8
# UBSan reports stop the run (a report is a finding); leaks are findings too.
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

echo "fuzz.sh: replaying the kept findings and the seeds"
(cd "$BUILD_DIR" && ctest --output-on-failure -L fuzz)

status=0
table=()
for t in $TARGETS; do
  exe="$BUILD_DIR/tests/fuzz/fuzz_$t"
  corpus="$BUILD_DIR/corpus/$t"
  findings="$BUILD_DIR/findings/$t"
  log="$BUILD_DIR/logs/$t.log"
  mkdir -p "$corpus" "$findings" "$(dirname "$log")"
  # The dictionary and the seeds (the kept findings, tests/data), written by tests/fuzz/CMakeLists.txt.
  mapfile -t args <"$BUILD_DIR/tests/fuzz/fuzz_$t.args"
  echo "fuzz.sh: fuzz_$t for ${SECONDS_EACH} s"
  # -max_len: larger than every seed document; -timeout: one input taking 10 s is a finding.
  if "$exe" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
       -print_final_stats=1 -artifact_prefix="$findings/" \
       "$corpus" "${args[@]}" >"$log" 2>&1; then
    runs="$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+)/\1/p' "$log" | tail -1)"
    secs="$(sed -nE 's/^Done ([0-9]+) runs in ([0-9]+) second.*/\2/p' "$log" | tail -1)"
    rate="$(sed -nE 's/^.*exec\/s: ([0-9]+).*/\1/p' "$log" | tail -1)"
    [ -n "$secs" ] && [ "$secs" -gt 0 ] && rate=$(( ${runs:-0} / secs ))
    table+=("$(printf '%-10s %10s %8s %8s  %s' "$t" "${runs:-?}" "${rate:-?}" \
                 "$(find "$corpus" -type f | wc -l)" "ok")")
  else
    status=1
    echo "fuzz.sh: fuzz_$t found a problem; its log ($log) ends:" >&2
    grep -E "ERROR|SUMMARY|fuzz property failed|Test unit written|runtime error" "$log" | head -20 >&2 || true
    tail -40 "$log" >&2
    echo "fuzz.sh: the input is kept in $findings/; replay it with: $exe $findings/<file>" >&2
    table+=("$(printf '%-10s %10s %8s %8s  %s' "$t" "-" "-" "$(find "$corpus" -type f | wc -l)" \
                 "FINDING in $findings")")
  fi
done

printf '%-10s %10s %8s %8s  %s\n' target runs runs/s corpus result
printf '%s\n' "${table[@]}"
exit "$status"
