#!/bin/sh
# examples/pandoc/screenshot.sh — the README screenshot docs/img/pandoc.png:
# news.md → standalone HTML → headless Chromium → PNG.
# Needs chromium and fonts-noto-cjk (apt-get install chromium fonts-noto-cjk);
# not used by the tests.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$here"
pandoc -s -L "$root/filters/shijian.lua" news.md -o "$tmp/news.html"
CHROME=${CHROME:-$(command -v chromium || command -v chromium-browser || command -v google-chrome)}
"$CHROME" --headless --no-sandbox --disable-gpu --disable-background-networking \
  --hide-scrollbars --force-device-scale-factor=1 --window-size=${SIZE:-960,1500} \
  --screenshot="$tmp/shot.png" "file://$tmp/news.html" 2>/dev/null
mkdir -p "$root/docs/img"
cp "$tmp/shot.png" "$root/docs/img/pandoc.png"
echo "wrote $root/docs/img/pandoc.png"
