#!/bin/sh
# The screenshots of `dealgate report` in docs/img/: the shipped rules and examples/deals.jsonl,
# rendered by headless Chromium (scripts/install-deps.sh installs it) at 1400 px and at 420 px, and
# as printed: headless Chromium has no switch for print media, so the print rules are applied to
# the screen (`@media print` read as `@media all`) at an A4 page's width inside its margins, 688 px.
# Usage: scripts/screenshots.sh [BUILD_DIR]   (default: build, with `dealgate` built)
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/dealgate" report rules/ --facts examples/deals.jsonl --today 2026-11-26 -o "$work/report.html"
sed 's/@media print {/@media all {/' "$work/report.html" > "$work/print.html"
for size in 1400,2400 420,2400 688,2400; do
  width=${size%,*}
  page=report name=$width
  if [ "$width" = 688 ]; then page=print name=print; fi
  chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --disable-dev-shm-usage --hide-scrollbars \
    --user-data-dir="$work/profile" --window-size="$size" \
    --screenshot="docs/img/report-$name.png" "file://$work/$page.html"
done
echo "wrote docs/img/report-1400.png docs/img/report-420.png docs/img/report-print.png"
