#!/usr/bin/env bash
# Builds dealgate and its tests with AddressSanitizer + UndefinedBehaviorSanitizer in build-asan/
# and runs the whole test suite there. Any memory error, leak or undefined behaviour fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
build=${ASAN_BUILD_DIR:-build-asan}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDEALGATE_SANITIZE=ON \
  -DDEALGATE_BUILD_BENCH=OFF -DDEALGATE_SHARED_VARIANT=OFF >/dev/null
cmake --build "$build" -j "${BUILD_JOBS:-2}"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
# ASan's stack frames are several times larger than optimised ones: the checker's recursion over
# an expression at the parser's height limit (1024) needs ~1.1 KiB a level normally (8 MiB holds
# ~7000 levels) but overflows 8 MiB under ASan. Give the instrumented tests room for it.
ulimit -s 65536
ctest --test-dir "$build" --output-on-failure -j "$(nproc)"
