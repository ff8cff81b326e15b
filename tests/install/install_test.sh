#!/bin/sh
# Installs the build into a temporary prefix, then builds and runs programs against that prefix
# only, as an embedding project would:
#   1. examples/embed through find_package(dealgate) (C++ API, static library): its records must
#      equal the installed `dealgate eval` program's, byte for byte;
#   2. a C program through pkg-config (C API, shared library).
# Usage: install_test.sh BUILD_DIR SOURCE_DIR
set -eu
build=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
fail() { echo "install test: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" >"$tmp/install.log"
for f in bin/dealgate include/dealgate/dealgate.hpp include/dealgate/dealgate.h \
         include/dealgate/version.h lib/libdealgate.so lib/cmake/dealgate/dealgateConfig.cmake \
         lib/pkgconfig/dealgate.pc share/dealgate/rules/delivery.gate \
         share/dealgate/examples/deals.jsonl; do
  [ -e "$prefix/$f" ] || fail "not installed: $f"
done
# No internal header may leak into the public ones.
if grep -En '^#include +["<](engine/|grammar/|api/|tao/|simdjson|fmt/)' "$prefix"/include/dealgate/*; then
  fail "a public header includes an internal one"
fi

# 1. CMake package, C++ API.
cmake -S "$src/examples/embed" -B "$tmp/embed" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_PREFIX_PATH="$prefix" >"$tmp/configure.log"
cmake --build "$tmp/embed" >"$tmp/build.log"
status=0
"$tmp/embed/embed_example" >"$tmp/api.jsonl" 2>"$tmp/api.err" || status=$?
[ "$status" -eq 1 ] || { cat "$tmp/api.err"; fail "embed_example exited with $status"; }
status=0
"$prefix/bin/dealgate" eval "$prefix/share/dealgate/rules" \
  --facts "$prefix/share/dealgate/examples/deals.jsonl" --format jsonl --today 2026-11-26 \
  >"$tmp/cli.jsonl" 2>/dev/null || status=$?
[ "$status" -eq 1 ] || fail "dealgate eval exited with $status"
[ -s "$tmp/cli.jsonl" ] || fail "dealgate eval wrote nothing"
cmp "$tmp/api.jsonl" "$tmp/cli.jsonl" || fail "embed_example's records differ from dealgate eval's"
expect_log() {
  grep -q "$1" "$tmp/api.err" || { cat "$tmp/api.err"; fail "embed_example did not log: $1"; }
}
expect_log '^rules: Enterprise sale: Delivery gates (3 gates, dealgate '
expect_log '^D-2026-0142: complete_sale=[a-z]* relationship_built=[a-z]* enter_delivery=[a-z]*$'
expect_log '^built BUILT-1: enter_delivery=\(fail\|unknown\)$'

# 2. pkg-config, C API, shared library.
cat >"$tmp/hello.c" <<'C'
#include <dealgate/dealgate.h>
#include <stdio.h>
#include <string.h>
int main(void) {
  const char* text = "facts { n: number }\ngate big { require n > 10 }\n";
  const char* deal = "{\"id\":\"x\",\"n\":12}";
  char* error = NULL;
  char* out = NULL;
  dg_ruleset* rules = dg_compile_source("inline.gate", text, strlen(text), &error);
  int code;
  if (!rules) { fprintf(stderr, "%s\n", error); dg_free_string(error); return 2; }
  code = dg_evaluate(rules, deal, strlen(deal), NULL, &out);
  printf("%s %d %s", dg_version(), code, out);
  dg_free_string(out);
  dg_ruleset_free(rules);
  return 0;
}
C
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
# shellcheck disable=SC2046
cc -std=c11 -Wall -Wextra -Wpedantic $(pkg-config --cflags dealgate) "$tmp/hello.c" \
   -o "$tmp/hello" $(pkg-config --libs dealgate)
LD_LIBRARY_PATH="$prefix/lib" "$tmp/hello" >"$tmp/hello.out"
expected="$(pkg-config --modversion dealgate) 0 {\"id\":\"x\",\"line\":1,\"gates\":{\"big\":{\"status\":\"pass\",\"failed\":[],\"unknown\":[],\"missing\":[],\"invalid\":[],\"milestones\":{},\"warnings\":[],\"messages\":[]}}}"
[ "$(cat "$tmp/hello.out")" = "$expected" ] || fail "hello printed: $(cat "$tmp/hello.out")"
# The static library (absent with BUILD_SHARED_LIBS=ON) through pkg-config, as docs/embedding.md
# writes it: the same records again.
if [ -e "$prefix/lib/libdealgate.a" ]; then
  # shellcheck disable=SC2046
  c++ -std=c++20 -DDEALGATE_DATA_DIR="\"$prefix/share/dealgate\"" "$src/examples/embed/main.cpp" \
      -o "$tmp/embed_static" $(pkg-config --cflags dealgate) "$prefix/lib/libdealgate.a" \
      $(pkg-config --libs fmt simdjson) -pthread
  status=0
  "$tmp/embed_static" >"$tmp/static.jsonl" 2>/dev/null || status=$?
  [ "$status" -eq 1 ] || fail "the statically linked example exited with $status"
  cmp "$tmp/static.jsonl" "$tmp/cli.jsonl" || fail "the statically linked example's records differ"
fi

# The examples in docs/embedding.md, as written there, run from the installed data folder.
doc_block() {
  awk -v tag="<!-- test: $1 " 'found == 2 && /^```/ { exit }
    found == 2 { print }
    found == 1 && /^```/ { found = 2 }
    index($0, tag) == 1 { found = 1 }' "$src/docs/embedding.md"
}
doc_block cpp-example >"$tmp/doc.cpp"
doc_block c-example >"$tmp/doc.c"
[ -s "$tmp/doc.cpp" ] && [ -s "$tmp/doc.c" ] || fail "the examples are gone from docs/embedding.md"
# shellcheck disable=SC2046
c++ -std=c++20 -Wall -Wextra "$tmp/doc.cpp" -o "$tmp/doc_cpp" $(pkg-config --cflags --libs dealgate)
# shellcheck disable=SC2046
cc -std=c11 -Wall -Wextra "$tmp/doc.c" -o "$tmp/doc_c" $(pkg-config --cflags --libs dealgate)
for program in doc_cpp doc_c; do
  status=0
  (cd "$prefix/share/dealgate" && LD_LIBRARY_PATH="$prefix/lib" "$tmp/$program") \
    >"$tmp/$program.out" 2>"$tmp/$program.err" || status=$?
  [ "$status" -eq 1 ] || { cat "$tmp/$program.err"; fail "$program exited with $status"; }
  grep -q '^{"id":"D1","line":1,"gates":{"enter_delivery":{"status":"[a-z]*"' "$tmp/$program.out" ||
    fail "$program printed: $(cat "$tmp/$program.out")"
done

# The shared library exports the API and nothing of the engine.
if nm -D --defined-only "$prefix/lib/libdealgate.so" | grep -q 'FactsReader'; then
  fail "libdealgate.so exports engine symbols"
fi
# The Python package, when the build has it (python/): importable from the prefix alone.
if [ -f "$build/python/dealgate/__init__.py" ]; then
  site=$(ls -d "$prefix"/lib/python3*/site-packages 2>/dev/null | head -n 1)
  [ -f "$site/dealgate/__init__.pyi" ] || fail "the Python package is not installed under lib/"
  python=$(sed -n 's/^Python3_EXECUTABLE:FILEPATH=//p' "$build/CMakeCache.txt")
  (cd "$tmp" && PYTHONPATH="$site" "$python" -c '
import sys, dealgate
assert dealgate.__file__.startswith(sys.argv[1]), dealgate.__file__
record = dealgate.RuleSet.load(sys.argv[2]).evaluate({"id": "I"}, today="2026-11-26")
assert record["id"] == "I" and "enter_delivery" in record["gates"], record
' "$site" "$prefix/share/dealgate/rules") || fail "the installed Python package does not work"
fi
echo "install test: passed"
