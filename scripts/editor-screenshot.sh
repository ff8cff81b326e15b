#!/usr/bin/env bash
# Takes docs/img/neovim-lsp.png, the picture in docs/editors.md: Neovim in an xterm on a virtual
# X display (Xvfb), `dealgate lsp` attached, a diagnostic and a completion menu on the shipped
# rules (scripts/editor-screenshot.lua sets the scene). ImageMagick's `import` takes the picture.
#
#   scripts/editor-screenshot.sh [BINARY]      default build/dealgate; the packages it needs come
#                                              from `scripts/install-deps.sh --screenshot`
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh --screenshot
binary=$(realpath "${1:-build/dealgate}")
work=$(mktemp -d)
trap 'kill "${xterm_pid:-}" "${xvfb_pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/rules" docs/img
cp rules/*.gate "$work/rules/"

display=:${SCREENSHOT_DISPLAY:-91}
Xvfb "$display" -screen 0 1400x800x24 -nolisten tcp &
xvfb_pid=$!
sleep 1
DISPLAY=$display DEALGATE_BINARY=$binary DEALGATE_RULES=$work/rules READY=$work/ready \
  HOME=$work XDG_STATE_HOME=$work XDG_DATA_HOME=$work \
  xterm -T dealgate-nvim -tn xterm-256color -geometry 140x30+0+0 -fa 'DejaVu Sans Mono' -fs 11 -bg '#1e1e1e' -fg '#d4d4d4' \
  -e nvim --clean -n -i NONE -c "luafile $PWD/scripts/editor-screenshot.lua" &
xterm_pid=$!
for _ in $(seq 100); do
  [[ -f $work/ready ]] && break
  sleep 0.2
done
[[ -f $work/ready ]] || { echo "Neovim did not get ready" >&2; exit 1; }
window=$(DISPLAY=$display xwininfo -name dealgate-nvim | awk '/Window id:/ {print $4}')
DISPLAY=$display import -window "$window" docs/img/neovim-lsp.png
echo "wrote docs/img/neovim-lsp.png"
