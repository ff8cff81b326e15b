#!/usr/bin/env bash
# The throughput benchmark, in one run (see bench/README.md):
#   1. generates N deals (default 1,000,000; seed 42) with dealgate-gen-deals;
#   2. times, RUNS times each (default 3), taking the median:
#        eval-1   dealgate eval examples/enterprise.gate --format jsonl --today 2026-11-26 --threads 1
#        eval-2   the same with --threads 2
#        parse    dealgate-parse-baseline (simdjson On-Demand, the same fields, no evaluation)
#   3. prints deals/s for each, the ratios eval-1/parse (time) and eval-2/eval-1 (throughput), and
#      the peak RSS (/usr/bin/time -v);
#   4. checks that the 2-thread output is byte-identical to the 1-thread output.
# Usage: bench/run.sh [BUILD_DIR]   (environment: N, RUNS, SEED, KEEP=1 keeps the files)
# Build first, in Release: cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release &&
#   cmake --build build --target dealgate dealgate-gen-deals dealgate-parse-baseline
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
n=${N:-1000000}
runs=${RUNS:-3}
seed=${SEED:-42}
dealgate=$build/dealgate
gen=$build/bench/dealgate-gen-deals
baseline=$build/bench/dealgate-parse-baseline
for program in "$dealgate" "$gen" "$baseline"; do
  [[ -x $program ]] || { echo "missing $program: build it first (see the top of $0)" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || "$root/scripts/install-deps.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/dealgate-bench.XXXXXX")
[[ ${KEEP:-0} == 1 ]] || trap 'rm -rf "$work"' EXIT

echo "generating $n deals (seed $seed)..."
"$gen" "$n" "$seed" >"$work/deals.jsonl"
bytes=$(stat -c %s "$work/deals.jsonl")
echo "$(awk -v b="$bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }'), $(awk -v b="$bytes" -v n="$n" 'BEGIN { printf "%.0f", b / n }') bytes a deal"
echo "machine: $(nproc) cores, $(uname -srm); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

# run NAME OUTPUT COMMAND...: one timed run; appends "elapsed user sys maxrss_kb" to $work/NAME.
run() {
  local name=$1 output=$2
  shift 2
  local status=0
  /usr/bin/time -v -o "$work/time.txt" "$@" >"$output" 2>"$work/stderr.txt" || status=$?
  # dealgate exits 1 when some deal does not pass: that is a result, not a failure.
  if ((status > 1)); then
    echo "$name failed with exit code $status:" >&2
    cat "$work/stderr.txt" "$work/time.txt" >&2
    exit 1
  fi
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); e = 0; for (i = 1; i <= n; i++) e = e * 60 + p[i] }
    /User time/ { u = $2 } /System time/ { s = $2 } /Maximum resident/ { m = $2 }
    END { printf "%.3f %.2f %.2f %d\n", e, u, s, m }' "$work/time.txt" >>"$work/$name"
}

eval_args=(eval "$root/examples/enterprise.gate" --facts "$work/deals.jsonl" --format jsonl
  --today 2026-11-26 --log-level error)
for ((i = 1; i <= runs; i++)); do
  echo "run $i of $runs..."
  run parse /dev/null "$baseline" "$work/deals.jsonl"
  run eval1 "$work/out-1.jsonl" "$dealgate" "${eval_args[@]}" --threads 1
  run eval2 "$work/out-2.jsonl" "$dealgate" "${eval_args[@]}" --threads 2
done
echo

# median FILE COLUMN
median() { cut -d' ' -f"$2" "$1" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

printf '%-44s %9s %12s %9s %9s\n' "median of $runs runs" "seconds" "deals/s" "CPU s" "peak RSS"
for name in parse eval1 eval2; do
  case $name in
    parse) label="parse-only baseline (simdjson On-Demand)" ;;
    eval1) label="dealgate eval --format jsonl --threads 1" ;;
    eval2) label="dealgate eval --format jsonl --threads 2" ;;
  esac
  e=$(median "$work/$name" 1)
  cpu=$(awk '{ print $2 + $3 }' "$work/$name" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  rss=$(median "$work/$name" 4)
  printf '%-44s %9.2f %12.0f %9.2f %6.1f MB\n' "$label" "$e" "$(awk -v n="$n" -v e="$e" 'BEGIN { print n / e }')" "$cpu" "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')"
  declare "t_$name=$e"
  declare "rss_$name=$rss"
done
echo
awk -v e1="$t_eval1" -v p="$t_parse" 'BEGIN { printf "eval (1 thread) time / parse-only time:      %.2fx  (target <= 1.5x)\n", e1 / p }'
awk -v e1="$t_eval1" -v e2="$t_eval2" 'BEGIN { printf "2-thread throughput / 1-thread throughput:   %.2fx  (target >= 1.7x)\n", e1 / e2 }'
peak=$(printf '%s\n' "$rss_eval1" "$rss_eval2" | sort -g | tail -1)
awk -v k="$peak" 'BEGIN { printf "peak RSS of eval:                            %.1f MB (target < 64 MB)\n", k / 1024 }'

lines=$(wc -l <"$work/out-1.jsonl")
if cmp -s "$work/out-1.jsonl" "$work/out-2.jsonl" && ((lines == n)); then
  echo "2-thread output is byte-identical to the 1-thread output ($lines records)"
else
  echo "MISMATCH: 2-thread output differs from the 1-thread output (or has $lines lines, not $n)" >&2
  exit 1
fi
