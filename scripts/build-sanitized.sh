#!/usr/bin/env bash
# Configures and builds build-asan/, the one instrumented build that scripts/test-sanitized.sh (the
# test suite) and fuzz/run.sh (the libFuzzer targets) share: clang++, AddressSanitizer and
# UndefinedBehaviorSanitizer in every library, program and test, and libFuzzer's coverage
# instrumentation in the grammar and engine libraries (DEALGATE_FUZZ=ON).
#
#   scripts/build-sanitized.sh [TARGET...]     no target: everything
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
build=${ASAN_BUILD_DIR:-build-asan}
# Why these choices (measured on 2 cores, see docs/reliability.md "Sanitizers"):
# - clang++: it compiles instrumented code in under half of g++'s CPU time, and libFuzzer needs it.
# - -O2 -gline-tables-only: file:line in every report. Full -g costs ~6% more compile time for
#   nothing a sanitizer prints; -O1 saves only ~3% and runs the fuzzers 1.3-1.5x slower.
# - The test code at -O0 (DEALGATE_TEST_COMPILE_OPTIONS): it is half of the compile time of this
#   build and runs for seconds; the code under test (libraries, program, fuzz targets) stays -O2.
# - No benchmarks and no second, shared library: the sanitized suite runs neither.
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O2 -gline-tables-only -DNDEBUG" \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -gline-tables-only -DNDEBUG" \
  -DDEALGATE_TEST_COMPILE_OPTIONS=-O0 -DDEALGATE_FUZZ=ON \
  -DDEALGATE_BUILD_BENCH=OFF -DDEALGATE_SHARED_VARIANT=OFF >/dev/null
targets=()
(($#)) && targets=(--target "$@")
cmake --build "$build" -j "${BUILD_JOBS:-2}" "${targets[@]}"
