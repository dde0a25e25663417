#!/bin/sh
# Regenerate docs/img/nvim.png: Neovim in xterm under Xvfb, captured to PNG.
# Needs (not for the tests): apt install xvfb xterm imagemagick fonts-noto-cjk fonts-dejavu-core
set -e
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TMP=$(mktemp -d)
DISPLAY_NUM=${DISPLAY_NUM:-:97}
Xvfb "$DISPLAY_NUM" -screen 0 1280x760x24 >"$TMP/xvfb.log" 2>&1 &
XVFB=$!
trap 'kill $XTERM $XVFB 2>/dev/null; rm -rf "$TMP"' EXIT
sleep 1
cp "$ROOT/spec/nvim/fixtures/news.txt" "$TMP/news.txt"
cd "$TMP"
DISPLAY=$DISPLAY_NUM TERM=xterm-256color SHIJIAN_ROOT="$ROOT" xterm -geometry 124x25+0+0 \
  -fa 'DejaVu Sans Mono' -fd 'Noto Sans Mono CJK SC' -fs 12 -bg '#1d2021' -fg '#ebdbb2' -b 0 \
  -e nvim -u "$ROOT/bench/nvim/screenshot_init.lua" -i NONE -n news.txt >"$TMP/xterm.log" 2>&1 &
XTERM=$!
sleep 4
DISPLAY=$DISPLAY_NUM import -window root "$TMP/full.png"
convert "$TMP/full.png" -trim +repage "$ROOT/docs/img/nvim.png"
echo "wrote $ROOT/docs/img/nvim.png"
