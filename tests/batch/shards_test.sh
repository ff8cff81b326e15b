#!/bin/sh
# `dealgate eval --facts - --format jsonl` is a pure streaming filter: no state between records,
# one output line per input line. So a batch engine may cut the input into shards anywhere between
# lines, run one dealgate per shard, and concatenate the outputs. This test does exactly what
# Spark's RDD.pipe, a Hadoop Streaming mapper and GNU parallel do, and checks the result equals
# the single run byte for byte. (`line` counts within the input a process sees, so shard outputs
# are renumbered by their shard's offset before comparing; see docs/embedding.md.)
# Usage: shards_test.sh DEALGATE_BINARY SOURCE_DIR
set -eu
dealgate=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
deals=$src/examples/deals.jsonl
rules=$src/rules
today=2026-11-26

fail() { echo "shards test: $*" >&2; exit 1; }

# The single run. Some example deals fail their gates: exit code 1.
code=0
"$dealgate" eval "$rules" --facts - --format jsonl --today "$today" <"$deals" >"$tmp/single" ||
  code=$?
[ "$code" -eq 1 ] || fail "the single run exited with $code"
records=$(wc -l <"$deals")
[ "$(wc -l <"$tmp/single")" -eq "$records" ] || fail "not one output line per input line"

# Adds OFFSET to the record's `line`, so a shard's output reads as part of the whole input.
renumber() {
  awk -v off="$1" '{
    if (match($0, /"line":[0-9]+/)) {
      n = substr($0, RSTART + 7, RLENGTH - 7) + off
      $0 = substr($0, 1, RSTART - 1) "\"line\":" n substr($0, RSTART + RLENGTH)
    }
    print
  }'
}

# k shards, cut at line boundaries (as `split -n l/k`, HDFS input splits and Spark partitions
# are), each evaluated by its own process, outputs concatenated in shard order.
for k in 1 2 3 7 "$records"; do
  rm -f "$tmp"/shard.* "$tmp/joined"
  split -n "l/$k" -d -a 3 "$deals" "$tmp/shard."
  offset=0
  for shard in "$tmp"/shard.*; do
    code=0
    # `split -n l/k` leaves some shards empty when k is near the number of lines: --allow-empty.
    "$dealgate" eval "$rules" --facts - --format jsonl --allow-empty --today "$today" <"$shard" \
      >"$shard.out" || code=$?
    [ "$code" -le 1 ] || fail "shard $shard exited with $code"
    [ "$(wc -l <"$shard.out")" -eq "$(wc -l <"$shard")" ] || fail "shard $shard lost lines"
    renumber "$offset" <"$shard.out" >>"$tmp/joined"
    offset=$((offset + $(wc -l <"$shard")))
  done
  cmp "$tmp/single" "$tmp/joined" || fail "$k shards differ from the single run"
done

# The wrapper docs/embedding.md gives Spark and Hadoop: exit 0 when records were evaluated (some
# gates failing is data, not a task failure), non-zero when the rules do not compile.
wrapped="$dealgate eval $rules --facts - --format jsonl --allow-empty --today $today; [ \$? -le 1 ]"
sh -c "$wrapped" <"$deals" >"$tmp/wrapped" || fail "the wrapper failed on good rules"
cmp "$tmp/single" "$tmp/wrapped" || fail "the wrapper changed the output"
if sh -c "$dealgate eval $tmp/no-rules --facts - --format jsonl; [ \$? -le 1 ]" \
  <"$deals" >/dev/null 2>&1; then
  fail "the wrapper hid rules that do not load"
fi

# An empty shard (a split or a partition may be one): an input error without --allow-empty, so a
# broken export never reports all clear; with it, no output and exit 0, which the wrapper passes.
code=0
"$dealgate" eval "$rules" --facts - --format jsonl --today "$today" </dev/null >"$tmp/empty" \
  2>"$tmp/empty.err" || code=$?
[ "$code" -eq 3 ] || fail "an empty shard without --allow-empty exited with $code"
grep -q "standard input is empty" "$tmp/empty.err" || fail "an empty shard was not named empty"
code=0
"$dealgate" eval "$rules" --facts - --format jsonl --allow-empty --today "$today" </dev/null \
  >"$tmp/empty" || code=$?
[ "$code" -eq 0 ] || fail "an empty shard with --allow-empty exited with $code"
[ ! -s "$tmp/empty" ] || fail "an empty shard wrote records"
sh -c "$wrapped" </dev/null >"$tmp/empty" || fail "the wrapper failed an empty shard"

# GNU parallel, as documented: --pipe cuts standard input into blocks at line ends; -k keeps
# the outputs in input order. Block-relative `line`s are dropped before comparing.
if command -v parallel >/dev/null 2>&1; then
  strip() { sed 's/,"line":[0-9]*,/,/; s/^{"line":[0-9]*,/{/'; }
  strip <"$tmp/single" >"$tmp/single.noline"
  parallel --will-cite --pipe -k --block 4k -j 2 "$wrapped" <"$deals" >"$tmp/piped" ||
    fail "parallel --pipe failed"
  [ "$(wc -l <"$tmp/piped")" -eq "$records" ] || fail "parallel --pipe lost lines"
  strip <"$tmp/piped" | cmp "$tmp/single.noline" - || fail "parallel --pipe differs"
  # Over shard files: one job per file, outputs in argument order.
  rm -f "$tmp"/shard.*
  split -n l/4 -d -a 3 "$deals" "$tmp/shard."
  parallel --will-cite -k -j 2 \
    "$dealgate eval $rules --facts {} --format jsonl --allow-empty --today $today; [ \$? -le 1 ]" \
    ::: "$tmp"/shard.* >"$tmp/files" || fail "parallel over shard files failed"
  strip <"$tmp/files" | cmp "$tmp/single.noline" - || fail "parallel over files differs"
else
  echo "shards test: GNU parallel is not installed; its part was skipped"
fi
echo "shards test: passed"
