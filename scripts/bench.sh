#!/usr/bin/env bash
# Builds Release and runs every benchmark of tests/benchmarks (ctest label "benchmark"), one at a
# time, then prints one table of figure, baseline and ratio, read from the benchmarks' own output
# lines. Figures only: nothing here fails on speed.
#   --record   also write the table, with the machine it ran on, to docs/performance.md
# The benchmarks' whole output is kept in build/release/bench.log.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${PEERING_BUILD_DIR:-$ROOT/build/release}"
RECORD=0
for a in "$@"; do
  case "$a" in
    --record) RECORD=1 ;;
    *) echo "bench.sh: unknown argument $a (only --record)" >&2; exit 2 ;;
  esac
done

"$ROOT/scripts/build.sh"
export QT_QPA_PLATFORM=offscreen
# Other work on the machine shows in the figures: the load before the run is recorded with them.
load="$(cut -d' ' -f1 /proc/loadavg)"

log="$BUILD_DIR/bench.log"
status=0
(cd "$BUILD_DIR" && ctest --output-on-failure -L benchmark -V) >"$log" 2>&1 || status=$?
if [ "$status" -ne 0 ]; then
  echo "bench.sh: a benchmark failed (not on speed: it did not run through); see $log" >&2
  grep -E "^[0-9]+: bench_|Failed|failed" "$log" >&2 || true
fi

machine="$(nproc) cores, $(sed -nE 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), \
$(date -u +%Y-%m-%d), load average $load at the start"

# One row per figure: the benchmark's line for the figure and for its baseline (regular
# expressions whose first group is the milliseconds).
table="$(python3 - "$log" "$machine" <<'EOF'
import re, sys

log = open(sys.argv[1], encoding="utf-8", errors="replace").read()
lines = [re.sub(r"^\d+: ", "", l) for l in log.splitlines()]

def find(pattern):
    for l in lines:
        m = re.search(pattern, l)
        if m:
            return float(m.group(1))
    return None

ms = r"([0-9.]+) ms"
rows = [
    ("validation: validate a 64-connection document", r"^bench_validation: validate median " + ms,
     "parse its JSON", r"^bench_validation: parse JSON median " + ms),
    ("startup: main() to first paint", r"^bench_startup: peering-wizard, main\(\) to first paint: median " + ms,
     "bare QWizard", r"^bench_startup: bare QWizard, main\(\) to first paint: median " + ms),
    ("startup: whole process to first paint", r"^bench_startup: peering-wizard, main\(\) to first paint: .*whole process " + ms,
     "bare QWizard", r"^bench_startup: bare QWizard, main\(\) to first paint: .*whole process " + ms),
    ("store: open + list 5,000 onboardings", r"^bench_store: open \+ list .* median " + ms,
     "sqlite3 shell, same query", r"^bench_store: floor: sqlite3 shell.* median " + ms),
    ("store: peering-wizard list --format json", r"^bench_store: peering-wizard list --format json .* median " + ms,
     "sqlite3 shell, same query", r"^bench_store: floor: sqlite3 shell.* median " + ms),
]
for what in ("64 connections", "64 connections, full"):
    w = re.escape(what)
    rows += [
        ("export (%s): PDF" % what, r"^bench_export: %s: PDF median %s" % (w, ms),
         "Qt's stock HTML-to-PDF", r"^bench_export: %s: baseline: Qt's stock .* median %s" % (w, ms)),
        ("export (%s): ARM template" % what, r"^bench_export: %s: ARM median %s" % (w, ms),
         "the document as JSON", r"^bench_export: %s: baseline: the document as JSON median %s" % (w, ms)),
    ]
rows += [
    ("mail: import-mail --dry-run, 10,000 messages", r"^bench_mail: import-mail --dry-run --format json: median " + ms,
     "GMime, headers and body text", r"^bench_mail: floor, GMime parsing the same mbox, headers and body text .*: median " + ms),
    ("mail: import-mail --dry-run, 10,000 messages", r"^bench_mail: import-mail --dry-run --format json: median " + ms,
     "GMime, headers only", r"^bench_mail: a lower floor, GMime parsing the headers only: median " + ms),
]

rows += [
    ("list: 50,000 onboardings shown and painted", r"^bench_list: list shown and painted median " + ms,
     "bare table, same texts", r"^bench_list: list shown and painted .*; bare table of the same texts " + ms),
    ("list: sort by a column (median of 14)", r"^bench_list: sort by a column .* median " + ms,
     "std::sort of the keys", r"^bench_list: sort by a column .*; std::sort of the keys " + ms),
    ("list: filter typed or cleared", r"^bench_list: filter typed or cleared median " + ms,
     "scan of the texts", r"^bench_list: filter typed or cleared .*; scan of the texts " + ms),
    ("wizard: a keystroke on the large onboarding (1x)", r"^bench_keystroke:  1x .*: median " + ms,
     "bare QLineEdit", r"^bench_keystroke: a keystroke .*; bare QLineEdit median " + ms),
    ("wizard: a keystroke at 16x the document", r"^bench_keystroke: 16x .*: median " + ms,
     "bare QLineEdit", r"^bench_keystroke: a keystroke .*; bare QLineEdit median " + ms),
    ("peeringdb: sync of a PeeringDB-sized set", r"^bench_peeringdb: sync into a fresh SQLite store median ([0-9.]+) s",
     "same rows, one prepared INSERT", r"^bench_peeringdb: floor: .* median ([0-9.]+) s"),
]
seconds = {r for r in (rows[-1][1], rows[-1][3])}

def fmt(v):
    if v is None:
        return "not measured"
    return "%.3f ms" % v if v < 10 else "%.1f ms" % v

print("| Figure | Time | Baseline | Time | Ratio |")
print("|---|---:|---|---:|---:|")
for name, fig, base_name, base in rows:
    f, b = find(fig), find(base)
    if fig in seconds and f is not None:
        f *= 1000
    if base in seconds and b is not None:
        b *= 1000
    ratio = "%.2f" % (f / b) if f is not None and b else "-"
    print("| %s | %s | %s | %s | %s |" % (name, fmt(f), base_name, fmt(b), ratio))
EOF
)"

echo
echo "Benchmarks on $machine (ratio: figure / baseline, lower is better)"
echo
echo "$table"

if [ "$RECORD" = 1 ]; then
  cat >"$ROOT/docs/performance.md" <<EOF
# Performance

The latest figures of \`./scripts/bench.sh\` (Release build), each against a baseline measured in
the same run on the same machine; the ratio is figure / baseline, lower is better. The
benchmarks are in \`tests/benchmarks\`; they report figures and never fail on speed. Run
\`./scripts/bench.sh --record\` to measure again and rewrite this page.

Machine: $machine.

$table
EOF
  echo
  echo "bench.sh: written to docs/performance.md"
fi
exit "$status"
