#!/usr/bin/env bash
# Throughput by input format, before and after a change, in one run (see bench/README.md):
#   1. generates N deals (default 200,000; seed 42) as JSON Lines with dealgate-gen-deals, and the
#      same deals as CSV (all N) and as XLSX (the first XLSX_N, default 50,000: a large workbook
#      is slow to write) with bench/tabular_deals.py;
#   2. runs `dealgate eval examples/enterprise.gate --facts FILE --format jsonl --today 2026-11-26
#      --threads T` for each input, T = 1 and 2, and each of the two programs, RUNS times each
#      (default 5), interleaved (before, after, after, before, ...) so a slow minute of a shared
#      machine falls on both;
#   3. prints the median wall time and deals/s of each, and after/before;
#   4. checks that both programs write the same bytes for each input, and that the CSV and XLSX
#      results equal the JSON Lines results but for the line numbers (the tables have a header).
# Usage: bench/inputs.sh AFTER_BUILD_DIR [BEFORE_BUILD_DIR]   (environment: N, XLSX_N, RUNS, SEED,
#   KEEP=1 keeps the files). Without BEFORE_BUILD_DIR only AFTER is measured.
# Build first, in Release: cmake --build BUILD --target dealgate dealgate-gen-deals
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
after=$(cd "${1:?usage: bench/inputs.sh AFTER_BUILD_DIR [BEFORE_BUILD_DIR]}" && pwd)
before=${2:+$(cd "$2" && pwd)}
n=${N:-200000}
xlsx_n=${XLSX_N:-50000}
((xlsx_n <= n)) || xlsx_n=$n
runs=${RUNS:-5}
seed=${SEED:-42}
gen=$after/bench/dealgate-gen-deals
for program in "$after/dealgate" "$gen" ${before:+"$before/dealgate"}; do
  [[ -x $program ]] || { echo "missing $program: build it first (see the top of $0)" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || "$root/scripts/install-deps.sh"
programs=(after)
[[ -n $before ]] && programs=(before after)

work=$(mktemp -d "${TMPDIR:-/tmp}/dealgate-inputs.XXXXXX")
[[ ${KEEP:-0} == 1 ]] || trap 'rm -rf "$work"' EXIT

echo "generating $n deals (seed $seed) as JSON Lines and CSV, the first $xlsx_n as XLSX..."
"$gen" "$n" "$seed" >"$work/deals.jsonl"
/usr/bin/python3 "$root/bench/tabular_deals.py" "$work/deals.jsonl" "$work/deals.csv"
/usr/bin/python3 "$root/bench/tabular_deals.py" "$work/deals.jsonl" "$work/deals.xlsx" --max "$xlsx_n"
for f in deals.jsonl deals.csv deals.xlsx; do
  printf '%-12s %8.1f MB\n' "$f" "$(awk -v b="$(stat -c %s "$work/$f")" 'BEGIN { print b / 1e6 }')"
done
echo "machine: $(nproc) cores, $(uname -srm); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

# run NAME PROGRAM FILE THREADS: one timed run; appends "elapsed user+sys" to $work/NAME.
run() {
  local name=$1 program=$2 file=$3 threads=$4 status=0
  /usr/bin/time -f '%e %U %S' -o "$work/time.txt" "$program" eval "$root/examples/enterprise.gate" \
    --facts "$file" --format jsonl --today 2026-11-26 --log-level error --threads "$threads" \
    >"$work/$name.out" 2>"$work/stderr.txt" || status=$?
  # dealgate exits 1 when some deal does not pass: that is a result, not a failure.
  if ((status > 1)); then
    echo "$name failed with exit code $status:" >&2
    cat "$work/stderr.txt" >&2
    exit 1
  fi
  tail -n 1 "$work/time.txt" | awk '{ printf "%s %.2f\n", $1, $2 + $3 }' >>"$work/$name"
}

inputs=(jsonl csv xlsx)
for ((i = 1; i <= runs; i++)); do
  echo "run $i of $runs..."
  for input in "${inputs[@]}"; do
    for threads in 1 2; do
      order=("${programs[@]}")
      ((i % 2 == 0)) && order=($(printf '%s\n' "${programs[@]}" | tac))
      for who in "${order[@]}"; do
        program=$after/dealgate
        [[ $who == before ]] && program=$before/dealgate
        run "$who-$input-$threads" "$program" "$work/deals.$input" "$threads"
      done
    done
  done
done
echo

# median FILE COLUMN
median() { cut -d' ' -f"$2" "$1" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

printf 'median of %d runs, wall seconds and deals/s\n' "$runs"
printf '%-7s %-8s %8s' input threads deals
for who in "${programs[@]}"; do printf ' %9s %10s' "$who s" "deals/s"; done
[[ -n $before ]] && printf ' %13s' "after/before"
echo
for input in "${inputs[@]}"; do
  count=$n
  [[ $input == xlsx ]] && count=$xlsx_n
  for threads in 1 2; do
    printf '%-7s %-8s %8d' "$input" "$threads" "$count"
    for who in "${programs[@]}"; do
      e=$(median "$work/$who-$input-$threads" 1)
      declare "t_$who=$e"
      printf ' %9.2f %10.0f' "$e" "$(awk -v n="$count" -v e="$e" 'BEGIN { print n / e }')"
    done
    [[ -n $before ]] && awk -v a="$t_after" -v b="$t_before" 'BEGIN { printf " %12.2fx", b / a }'
    echo
  done
done
echo "(after/before: the throughput of after over that of before)"

status=0
strip_lines() { sed 's/"line":[0-9]*,//' "$1"; }
for input in "${inputs[@]}"; do
  if [[ -n $before ]] && ! cmp -s "$work/before-$input-1.out" "$work/after-$input-1.out"; then
    echo "MISMATCH: before and after differ on $input" >&2
    status=1
  fi
  if ! cmp -s "$work/after-$input-1.out" "$work/after-$input-2.out"; then
    echo "MISMATCH: 1 and 2 threads differ on $input" >&2
    status=1
  fi
done
if cmp -s <(strip_lines "$work/after-jsonl-1.out") <(strip_lines "$work/after-csv-1.out") &&
  cmp -s <(strip_lines "$work/after-jsonl-1.out" | head -n "$xlsx_n") \
    <(strip_lines "$work/after-xlsx-1.out"); then
  echo "CSV and XLSX give the JSON Lines results (but for line numbers); outputs agree"
else
  echo "MISMATCH: the CSV or XLSX results differ from the JSON Lines results" >&2
  status=1
fi
exit $status
