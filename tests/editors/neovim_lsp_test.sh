#!/bin/sh
# Runs neovim_lsp_test.lua on a fresh copy of the shipped rules (the test edits buffers only,
# but a copy keeps swap files and the like out of the source tree).
#   neovim_lsp_test.sh DEALGATE_BINARY SOURCE_DIR WORK_DIR
set -eu
if ! command -v nvim >/dev/null; then
  echo "neovim is not installed (scripts/install-deps.sh installs it): skipped" >&2
  exit 77
fi
binary=$1 source=$2 work=$3/neovim_lsp
rm -rf "$work"
mkdir -p "$work/rules"
cp "$source"/rules/*.gate "$work/rules/"
cd "$work"
DEALGATE_BINARY=$binary DEALGATE_RULES=$work/rules HOME=$work XDG_STATE_HOME=$work XDG_DATA_HOME=$work \
  nvim --headless --clean -n -i NONE -c "luafile $source/tests/editors/neovim_lsp_test.lua" </dev/null
