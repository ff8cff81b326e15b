#!/usr/bin/env bash
# Installs every build and test dependency from Debian's packages. Idempotent: packages that are
# already present are left alone, so running it before every build costs a second.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config
  tao-pegtl-dev        # the grammar of the rule language
  libfmt-dev           # formatting
  libspdlog-dev        # operational logging on stderr
  libsimdjson-dev      # reading deal facts
  libcli11-dev         # the command line
  libzip-dev           # opening .xlsx deal exports (a zip archive); Debian packages no C/C++ XLSX reader
  libexpat1-dev        # streaming the XML of an .xlsx sheet, so a large sheet is never held whole
  libsqlite3-dev       # the pipeline's history (--record, dealgate history): runs kept in one SQLite file
  sqlite3              # the sqlite3 shell, for reading a history by hand (docs/cli.md)
  nlohmann-json3-dev   # writing the language server's JSON-RPC messages (lsp/)
  neovim               # a real LSP client: the headless Neovim test of `dealgate lsp`
  libgtest-dev libgmock-dev  # unit and golden tests
  libbenchmark-dev     # micro-benchmarks
  chromium             # renders `dealgate report`'s HTML headless in a test (large; the test skips without it)
  time                 # /usr/bin/time -v: peak memory in bench/run.sh
  parallel             # GNU parallel: the batch test runs dealgate over shards with it
  python3              # the ctypes example and its test
  python3-dev pybind11-dev   # the Python module (python/)
  python3-pandas       # DataFrames in and out of the Python module
  python3-distributed  # Dask distributed: the module on a real cluster (tests/python/dask_test.py)
  python3-setuptools python3-wheel python3-pip  # `pip install .` in python/, offline, and its test
  clang                # scripts/build-sanitized.sh: the ASan+UBSan suite and the libFuzzer targets
  libclang-rt-dev      # ASan, UBSan and libFuzzer runtimes for clang
)

# Only for scripts/editor-screenshot.sh (`install-deps.sh --screenshot`): an X server without a
# display, a terminal window to run Neovim in, and ImageMagick's `import` to take the picture.
if [[ ${1:-} == --screenshot ]]; then
  packages+=(xvfb xterm x11-utils imagemagick fonts-dejavu-core)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
