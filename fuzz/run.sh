#!/usr/bin/env bash
# Builds the libFuzzer targets in build-asan/ (scripts/build-sanitized.sh: clang++, ASan+UBSan, the
# build the sanitized test suite uses too, so after scripts/test-sanitized.sh nothing is rebuilt)
# and runs each for SECONDS (default 60). Replays fuzz/regressions/ first. Exits non-zero on the
# first target that crashes, hangs or leaks; the input that did it is left in build-asan/artifacts/.
#
#   fuzz/run.sh [SECONDS] [TARGET...]     e.g. fuzz/run.sh 300 fuzz_compile
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(fuzz_compile fuzz_facts fuzz_fmt fuzz_lsp fuzz_xlsx)
build=${ASAN_BUILD_DIR:-build-asan}
./scripts/build-sanitized.sh "${targets[@]}"

# Seed corpora: every rule file of the project for the rule-file targets, every line of the
# example deals (and the whole file) for the facts target, the client sessions of fuzz/seeds/ for
# the language server. libFuzzer adds what it finds.
seed() {
  local target=$1 dir=$build/corpus/$1
  mkdir -p "$dir"
  case $target in
    fuzz_facts)
      local n=0
      while IFS= read -r line; do
        printf '%s\n' "$line" >"$dir/deal-$n.jsonl"
        n=$((n + 1))
      done <examples/deals.jsonl
      cp examples/deals.jsonl "$dir/deals.jsonl"
      ;;
    fuzz_lsp)
      cp fuzz/seeds/fuzz_lsp/* "$dir"/
      ;;
    fuzz_xlsx)
      cp fuzz/seeds/fuzz_xlsx/* "$dir"/
      ;;
    *)
      local f
      while IFS= read -r -d '' f; do
        cp "$f" "$dir/$(echo "$f" | tr '/' '_')"
      done < <(find tests/golden rules examples tests/grammar/data -name '*.gate' -print0)
      ;;
  esac
  if [[ -d fuzz/regressions/$target ]]; then cp fuzz/regressions/"$target"/* "$dir"/ 2>/dev/null || true; fi
}

mkdir -p "$build/artifacts"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
for target in "${targets[@]}"; do
  dict=()
  case $target in
    fuzz_facts) dict=(-dict=fuzz/json.dict) ;;
    fuzz_lsp) dict=(-dict=fuzz/lsp.dict) ;;
    fuzz_xlsx) dict=() ;;
    *) dict=(-dict=fuzz/gate.dict) ;;
  esac
  # Known crashers first: each must now run clean.
  if [[ -d fuzz/regressions/$target ]] && compgen -G "fuzz/regressions/$target/*" >/dev/null; then
    echo "== $target: replaying fuzz/regressions/$target"
    if ! "$build/fuzz/$target" -rss_limit_mb=2048 -timeout=20 fuzz/regressions/"$target"/* \
        >"$build/$target.replay.log" 2>&1; then
      tail -n 60 "$build/$target.replay.log"
      echo "FAIL: $target crashes on a saved regression input" >&2
      exit 1
    fi
  fi
  seed "$target"
  echo "== $target: fuzzing for ${seconds}s"
  if ! "$build/fuzz/$target" "$build/corpus/$target" "${dict[@]}" -max_total_time="$seconds" \
      -max_len=8192 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$build/artifacts/$target-" >"$build/$target.log" 2>&1; then
    tail -n 80 "$build/$target.log"
    echo "FAIL: $target found a crash; the input is in $build/artifacts/" >&2
    exit 1
  fi
  grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)|^#[0-9]+ *DONE' "$build/$target.log" || true
done
echo "fuzzers: all clean (${seconds}s each)"
