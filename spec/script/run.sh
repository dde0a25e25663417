#!/bin/sh
# spec/script/run.sh — traditional Chinese through the front ends (issue 14):
# the CLI's --script option and the Pandoc filter on a traditional document.
# Needs a built checkout (`make`: build/shijian, build/lua5.3/… for pandoc).
# Last line: `script: N passed, M failed`; exit 1 on any failure.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 1
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok - $1"; }
no() { fail=$((fail + 1)); echo "FAIL - $1"; [ -n "${2:-}" ] && [ -f "$2" ] && head -n 20 "$2" | sed 's/^/    /'; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/shijian-script.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
SJ=build/shijian
TRAD='2020年12月22日，中俄兩國空軍在亞太地區實施第二次聯合空中戰略巡航。美國國務卿蓬佩奧訪問台灣。'

if [ -x "$SJ" ]; then
  printf '%s\n' "$TRAD" > "$tmp/trad.txt"
  "$SJ" events "$tmp/trad.txt" > "$tmp/ev" 2>&1
  if grep -q '062.*CHN RUS.*亞太地區.*聯合空中戰略巡航' "$tmp/ev" && grep -q '042.*USA.*TWN.*台灣.*訪問' "$tmp/ev"
  then ok "events of traditional text, in its own characters"; else no "events of traditional text" "$tmp/ev"; fi
  "$SJ" tag "$tmp/trad.txt" > "$tmp/tag" 2>&1
  if grep -q '"text":"亞太地區"' "$tmp/tag"; then ok "tag: place 亞太地區"; else no "tag: place 亞太地區" "$tmp/tag"; fi
  "$SJ" events --script simplified "$tmp/trad.txt" > "$tmp/ev2" 2>&1
  if [ "$(grep -c . "$tmp/ev2")" -lt 2 ]; then ok "--script simplified: no view"; else no "--script simplified" "$tmp/ev2"; fi
  "$SJ" cut --script traditional "$tmp/trad.txt" > "$tmp/cut" 2>&1
  if grep -q '兩國  空軍' "$tmp/cut"; then ok "cut --script traditional"; else no "cut --script traditional" "$tmp/cut"; fi
  if "$SJ" cut --script klingon "$tmp/trad.txt" > "$tmp/bad" 2>&1; then no "--script klingon is refused"
  else [ $? -eq 2 ] && ok "--script klingon: usage error" || no "--script klingon: exit 2" "$tmp/bad"; fi
else
  no "build/shijian is built (run make)"
fi

if command -v pandoc >/dev/null 2>&1; then
  printf '# 新聞\n\n%s\n' "$TRAD" > "$tmp/trad.md"
  if pandoc -f markdown -t html --wrap=none -L filters/shijian.lua "$tmp/trad.md" > "$tmp/out.html" 2> "$tmp/err"; then
    if grep -q '<span[^>]*class="[^"]*place[^"]*"[^>]*>亞太地區</span>' "$tmp/out.html" &&
       grep -q '<span[^>]*>中俄兩國空軍</span>' "$tmp/out.html"; then
      ok "pandoc: traditional document marked up in its own characters"
    else no "pandoc: spans on 亞太地區 and 中俄兩國空軍" "$tmp/out.html"; fi
  else no "pandoc ran" "$tmp/err"; fi
else
  echo "# pandoc not installed: its test is skipped"
fi
echo "script: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
