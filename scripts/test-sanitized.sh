#!/usr/bin/env bash
# Builds dealgate and its tests with AddressSanitizer + UndefinedBehaviorSanitizer in build-asan/
# (scripts/build-sanitized.sh) and runs the test suite there. Any memory error, leak or undefined
# behaviour fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build-sanitized.sh
build=${ASAN_BUILD_DIR:-build-asan}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
# ASan's stack frames are several times larger than optimised ones: the checker's recursion over
# an expression at the parser's height limit (1024) needs ~1.1 KiB a level normally (8 MiB holds
# ~7000 levels) but overflows 8 MiB under ASan. Give the instrumented tests room for it.
ulimit -s 65536
# Every test that runs our code, except two that check what is around it (scripts/test.sh runs
# them): `browser` renders the report page in Chromium (ReportCommand tests run the same
# `dealgate report` here), and `batch` runs the program over the example deals cut into shards
# (the end-to-end tests run it over all of them). install_and_embed and python_ctypes are not
# registered in a sanitized build at all.
ctest --test-dir "$build" --output-on-failure -j "$(nproc)" --label-exclude 'browser|batch'
