#!/bin/sh
# spec/pandoc/run.sh — tests of the Pandoc filter with the real pandoc binary.
# Needs: pandoc (Debian 12: 2.17), a built checkout (`make`: build/lua5.3/… for
# pandoc's Lua 5.3, build/shijian for the CLI fallback) and lua + lua-cjson to
# read the JSON export. Last line: `pandoc: N passed, M failed`; exit 1 on any
# failure. Expected outputs are rewritten by spec/pandoc/regen.sh.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
PANDOC=${PANDOC:-pandoc}
F="$root/filters/shijian.lua"
E="$here/expected"
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok - $1"; }
no() {
  fail=$((fail + 1)); echo "FAIL - $1"
  if [ -n "${2:-}" ] && [ -f "$2" ]; then head -n 30 "$2" | sed 's/^/    /'; fi
}
finish() {
  echo "pandoc: $pass passed, $fail failed"
  [ "$fail" -eq 0 ]
  exit $?
}
# the tests set the SHIJIAN_* variables they want, nothing else
for v in $(env | sed -n 's/^\(SHIJIAN_[A-Z_]*\)=.*/\1/p'); do unset "$v"; done

if ! command -v "$PANDOC" >/dev/null 2>&1; then
  no "pandoc is installed (apt-get install pandoc)"; finish
fi
ver=$("$PANDOC" --version | head -n 1)
echo "# $ver"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/shijian-pandoc.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cd "$here"

# count "ok - " / "not ok - " lines of a Lua check filter
tally() { # name file
  while IFS= read -r line; do
    case "$line" in
      "ok - "*) ok "$1: ${line#ok - }" ;;
      "not ok - "*) no "$1: ${line#not ok - }" ;;
    esac
  done <"$2"
}

# 1. unit tests of lua/shijian/pandoc.lua inside pandoc ---------------------
if "$PANDOC" -f markdown -t plain -L unit.lua -o /dev/null </dev/null >"$tmp/unit.out" 2>"$tmp/unit.err"; then
  tally unit "$tmp/unit.out"
  grep -q "^ok" "$tmp/unit.out" || no "unit tests ran" "$tmp/unit.err"
else
  tally unit "$tmp/unit.out"; no "unit tests ran to the end" "$tmp/unit.err"
fi

# 2. sample.md -> expected native, HTML, JSON ------------------------------
# These check the filter on a recorded analysis (recorded-cli.sh answers for
# the command), so a change of the tagger does not change them; the live
# analysis is checked below (3, 6, 7).  spec/pandoc/regen.sh records anew.
REC="$here/recorded-cli.sh"
run() { # name expected-file command...
  name=$1; exp=$2; shift 2
  if ! "$@" >"$tmp/out" 2>"$tmp/err"; then no "$name (pandoc failed)" "$tmp/err"; return; fi
  if [ ! -f "$exp" ]; then no "$name: no $exp (run spec/pandoc/regen.sh)"; return; fi
  if diff -u "$exp" "$tmp/out" >"$tmp/diff"; then ok "$name"; else no "$name differs from $(basename "$exp") (if the tagger changed on purpose: spec/pandoc/regen.sh)" "$tmp/diff"; fi
}
run "sample.md -> expected native AST" "$E/sample.native" env SHIJIAN_FORCE_CLI=1 SHIJIAN_CLI="$REC" "$PANDOC" -L "$F" sample.md -s -t native
run "sample.md -> expected HTML" "$E/sample.html" env SHIJIAN_FORCE_CLI=1 SHIJIAN_CLI="$REC" "$PANDOC" -L "$F" sample.md -t html5
if SHIJIAN_FORCE_CLI=1 SHIJIAN_CLI="$REC" SHIJIAN_JSON="$tmp/sample.json" "$PANDOC" -L "$F" sample.md -t native -o /dev/null 2>"$tmp/err"; then
  if diff -u "$E/sample.json" "$tmp/sample.json" >"$tmp/diff"; then ok "sample.md -> expected JSON export"
  else no "sample.md -> expected JSON export (spec/pandoc/regen.sh?)" "$tmp/diff"; fi
else no "JSON export ran" "$tmp/err"; fi

# 3. the CLI fallback gives the same document as the C module ------------------
for doc in sample.md format.md; do
  "$PANDOC" -L "$F" "$doc" -s -t native -o "$tmp/mod.native" 2>"$tmp/err.mod"
  SHIJIAN_FORCE_CLI=1 SHIJIAN_VERBOSE=1 "$PANDOC" -L "$F" "$doc" -s -t native -o "$tmp/cli.native" 2>"$tmp/err.cli"
  if ! grep -q "backend: cli" "$tmp/err.cli"; then no "$doc: SHIJIAN_FORCE_CLI uses the command" "$tmp/err.cli"
  elif cmp -s "$tmp/mod.native" "$tmp/cli.native"; then ok "$doc: CLI fallback = module (native AST)"
  else diff -u "$tmp/mod.native" "$tmp/cli.native" >"$tmp/diff"; no "$doc: CLI fallback = module" "$tmp/diff"; fi
  SHIJIAN_JSON="$tmp/mod.json" "$PANDOC" -L "$F" "$doc" -o /dev/null -t native 2>/dev/null
  SHIJIAN_FORCE_CLI=1 SHIJIAN_JSON="$tmp/cli.json" "$PANDOC" -L "$F" "$doc" -o /dev/null -t native 2>/dev/null
  if [ -s "$tmp/mod.json" ] && cmp -s "$tmp/mod.json" "$tmp/cli.json"; then ok "$doc: CLI fallback = module (JSON)"
  else no "$doc: CLI fallback = module (JSON)"; fi
done
SHIJIAN_VERBOSE=1 "$PANDOC" -L "$F" sample.md -o /dev/null -t native 2>"$tmp/err"
if grep -q "backend: module" "$tmp/err"; then ok "the C module loads in this pandoc ($(sed -n 's/.*(\(Lua [0-9.]*\)).*/\1/p' "$tmp/err"))"
else no "the C module loads in this pandoc (make?)" "$tmp/err"; fi

# 4. no backend: one clear message ---------------------------------------------
if SHIJIAN_FORCE_CLI=1 SHIJIAN_CLI=/nonexistent/shijian "$PANDOC" -L "$F" sample.md -t native -o /dev/null 2>"$tmp/err"; then
  no "no backend: pandoc fails"
elif head -n 1 "$tmp/err" | grep -q "^shijian.lua: cannot analyse the document" && ! grep -q "traceback" "$tmp/err"; then
  ok "no backend: one clear message, no traceback"
else no "no backend: one clear message" "$tmp/err"; fi

# 5. formatting preserved: unwrap(shijian(doc)) == unwrap(doc) ----------------------
"$PANDOC" -f markdown -L unwrap.lua format.md -s -t native -o "$tmp/orig.native"
SHIJIAN_EAST_ASIAN_LINE_BREAKS=false "$PANDOC" -L "$F" -L unwrap.lua format.md -s -t native -o "$tmp/filt.native" 2>"$tmp/err"
if diff -u "$tmp/orig.native" "$tmp/filt.native" >"$tmp/diff"; then ok "format.md: structure and text preserved (east-Asian breaks off)"
else no "format.md: structure and text preserved (east-Asian breaks off)" "$tmp/diff"; fi
"$PANDOC" -f markdown+east_asian_line_breaks -L unwrap.lua format.md -s -t native -o "$tmp/orig.native"
"$PANDOC" -L "$F" -L unwrap.lua format.md -s -t native -o "$tmp/filt.native" 2>"$tmp/err"
if diff -u "$tmp/orig.native" "$tmp/filt.native" >"$tmp/diff"; then ok "format.md: east-Asian breaks like pandoc's east_asian_line_breaks"
else no "format.md: east-Asian breaks like pandoc's east_asian_line_breaks" "$tmp/diff"; fi
if "$PANDOC" -L "$F" -L check.lua format.md -t native -o /dev/null >"$tmp/check.out" 2>"$tmp/err"; then
  tally format.md "$tmp/check.out"
else no "format.md checks ran" "$tmp/err"; fi

# 6. docx: custom styles survive a round trip --------------------------------------
if "$PANDOC" -L "$F" sample.md -o "$tmp/s.docx" 2>"$tmp/err" &&
   "$PANDOC" -f docx+styles "$tmp/s.docx" -t native -o "$tmp/docx.native" 2>>"$tmp/err"; then
  for k in Time Actor Place Name Quantity Event; do
    if grep -q "\"custom-style\" , \"Shijian $k\"" "$tmp/docx.native"; then ok "docx: character style 'Shijian $k' read back"
    else no "docx: character style 'Shijian $k' read back"; fi
  done
  if grep -q "Table" "$tmp/docx.native"; then ok "docx: event table present"; else no "docx: event table present"; fi
else no "docx written and read back" "$tmp/err"; fi
"$PANDOC" -L "$F" sample.md -t html5 -o "$tmp/s.html"
if grep -q "custom-style" "$tmp/s.html"; then no "html: no custom-style attributes"; else ok "html: no custom-style attributes"; fi
if grep -q 'data-value="2021-06-24"' "$tmp/s.html" && grep -q 'title="time: 2021-06-24"' "$tmp/s.html"; then ok "html: data- attributes and tooltip"
else no "html: data- attributes and tooltip"; fi

# 7. options: environment over metadata; table placement; CSS; template --------------
SHIJIAN_KINDS=time "$PANDOC" -L "$F" format.md -t native -o "$tmp/k.native"
if grep -q '"shijian" , "time"' "$tmp/k.native" && ! grep -Eq '"shijian" , "(actor|place|event|name|quantity)"' "$tmp/k.native"; then
  ok "SHIJIAN_KINDS=time marks only times"; else no "SHIJIAN_KINDS=time marks only times"; fi
SHIJIAN_TABLE=false "$PANDOC" -L "$F" format.md -t native -o "$tmp/t.native"
if grep -q '"shijian-events"' "$tmp/t.native"; then no "SHIJIAN_TABLE=false: no event table"; else ok "SHIJIAN_TABLE=false: no event table"; fi
"$PANDOC" -L "$F" format.md -t native -o "$tmp/t.native"
if grep -q '( "shijian-events" , \[ "shijian-events" \]' "$tmp/t.native"; then ok "event table appended when no div"; else no "event table appended when no div"; fi
SHIJIAN_REF=2019-12-31 SHIJIAN_KINDS=time "$PANDOC" -L "$F" format.md -t native -o "$tmp/r.native"
if grep -q '"value" , "2019-07-15/2019-07-17"' "$tmp/r.native"; then ok "SHIJIAN_REF overrides the metadata ref"
else no "SHIJIAN_REF overrides the metadata ref"; fi
"$PANDOC" -L "$F" sample.md -t html5 -o "$tmp/d.html"
n=$(grep -c 'id="shijian-events"' "$tmp/d.html")
if [ "$n" -eq 1 ] && grep -A2 'id="shijian-events"' "$tmp/d.html" | grep -q "事件一览"; then ok "table placed in the document's #shijian-events div"
else no "table placed in the document's #shijian-events div ($n divs)"; fi
"$PANDOC" -s -L "$F" sample.md -t html5 -o "$tmp/st.html"
if grep -q "span.shijian.time" "$tmp/st.html"; then ok "standalone HTML carries the stylesheet"; else no "standalone HTML carries the stylesheet"; fi
SHIJIAN_CSS=false "$PANDOC" -s -L "$F" sample.md -t html5 -o "$tmp/st.html"
if grep -q "span.shijian.time" "$tmp/st.html"; then no "SHIJIAN_CSS=false: no stylesheet"; else ok "SHIJIAN_CSS=false: no stylesheet"; fi
"$PANDOC" -L "$F" --template events.tpl sample.md -t plain -o "$tmp/tpl.txt"
nt=$(grep -c '^shijian-e' "$tmp/tpl.txt")
SHIJIAN_JSON="$tmp/tpl.json" "$PANDOC" -L "$F" sample.md -t native -o /dev/null
nj=$(grep -c '"id": "shijian-e' "$tmp/tpl.json")
if [ "$nt" -gt 0 ] && [ "$nt" -eq "$nj" ]; then ok "shijian-events metadata in templates ($nt events)"
else no "shijian-events metadata in templates ($nt vs $nj)"; fi
# the documented timeline command (examples/pandoc/README.md): one row per event
tl=$(sed -n 's/^\(pandoc .*timeline\.tpl.*\)$/\1/p' "$root/examples/pandoc/README.md")
case "$tl" in *--wrap=none*) ok "documented timeline command has --wrap=none";; *) no "documented timeline command has --wrap=none ($tl)";; esac
(cd "$root" && "$PANDOC" -L filters/shijian.lua --wrap=none --template examples/pandoc/timeline.tpl examples/pandoc/news.md -t plain) >"$tmp/tl.tsv" 2>"$tmp/err"
rows=$(grep -c . "$tmp/tl.tsv"); bad=$(awk -F '\t' 'NF && NF != 7' "$tmp/tl.tsv" | wc -l)
if [ "$rows" -gt 3 ] && [ "$bad" -eq 0 ]; then ok "timeline.tpl with --wrap=none: $rows rows of 7 fields"
else no "timeline.tpl with --wrap=none: one row per event ($bad bad rows)" "$tmp/tl.tsv"; fi
# a heading that is only an event noun is not an event report
printf '## 联合演习\n\n12月3日，中俄两国海军在日本海举行联合演习。\n' >"$tmp/h.md"
SHIJIAN_JSON="$tmp/h.json" "$PANDOC" -L "$F" "$tmp/h.md" -t native -o "$tmp/h.native"
SHIJIAN_HEADING_EVENTS=true SHIJIAN_JSON="$tmp/h2.json" "$PANDOC" -L "$F" "$tmp/h.md" -t native -o "$tmp/h2.native"
n1=$(grep -c '"trigger": "联合演习"' "$tmp/h.json"); n2=$(grep -c '"trigger": "联合演习"' "$tmp/h2.json")
h1=$(sed -n '/^\[ Header/,/^, Para/p' "$tmp/h.native" | grep -c '"event"')
if [ "$n1" -eq 1 ] && [ "$h1" -eq 0 ]; then ok "bare event-noun heading left out (events, spans)"; else no "bare event-noun heading left out ($n1 events, $h1 heading spans)" "$tmp/h.native"; fi
if [ "$n2" -eq 2 ]; then ok "SHIJIAN_HEADING_EVENTS=true keeps it"; else no "SHIJIAN_HEADING_EVENTS=true keeps it ($n2)"; fi
LUA=$(command -v lua5.4 || command -v lua5.3 || command -v lua || true)
if [ -n "$LUA" ] && "$LUA" -e 'require "cjson"' 2>/dev/null; then
  if "$LUA" -e 'local t = require("cjson").decode(io.read("a"))
      assert(#t.events > 0 and t.events[1].cameo and #t.mentions > 0)' <"$tmp/tpl.json" 2>"$tmp/err"; then
    ok "JSON export is valid JSON (lua-cjson)"; else no "JSON export is valid JSON" "$tmp/err"; fi
else no "lua-cjson available to read the JSON export (apt-get install lua-cjson)"; fi

# 8. installed into a pandoc data directory -------------------------------------------
mkdir -p "$tmp/data/filters/shijian" "$tmp/bin" "$tmp/elsewhere"
cp "$F" "$tmp/data/filters/shijian.lua"
cp "$root"/lua/shijian/*.lua "$tmp/data/filters/shijian/"
ln -s "$root/build/shijian" "$tmp/bin/shijian"
cp sample.md "$tmp/elsewhere/"
"$PANDOC" -L "$F" sample.md -s -t native -o "$tmp/ref.native"
(cd "$tmp/elsewhere" && PATH="$tmp/bin:$PATH" SHIJIAN_VERBOSE=1 "$PANDOC" --data-dir="$tmp/data" -L shijian.lua sample.md -s -t native -o "$tmp/inst.native" 2>"$tmp/err")
if grep -q "backend: cli" "$tmp/err" && cmp -s "$tmp/ref.native" "$tmp/inst.native"; then ok "data-dir install without C module: command on PATH, same output"
else no "data-dir install without C module" "$tmp/err"; fi
abi=$(grep -o 'Lua [0-9.]*' "$tmp/err" | head -n 1 | sed 's/Lua /lua/')
if [ -n "$abi" ] && [ -f "$root/build/$abi/shijian/core.so" ]; then
  mkdir -p "$tmp/data/filters/$abi/shijian"
  cp "$root/build/$abi/shijian/core.so" "$tmp/data/filters/$abi/shijian/"
  (cd "$tmp/elsewhere" && PATH=/usr/bin:/bin SHIJIAN_VERBOSE=1 "$PANDOC" --data-dir="$tmp/data" -L shijian.lua sample.md -s -t native -o "$tmp/inst.native" 2>"$tmp/err")
  if grep -q "backend: module" "$tmp/err" && cmp -s "$tmp/ref.native" "$tmp/inst.native"; then ok "data-dir install with the C module beside the filter"
  else no "data-dir install with the C module beside the filter" "$tmp/err"; fi
else no "data-dir install with the C module ($abi)"; fi

# 9. a flat document (paragraphs, headings, code, raw, rules) is read without
#    the walk: the same output as through the walk (walk.lua) ------------------
printf '%s\n\n%s\n\n%s\n' "$(cat flat.md)" '中俄两国空军12月22日实施联合巡航。[^1]' \
  '[^1]: 脚注：俄罗斯空军参加。' >"$tmp/flatnote.md"
for case in "flat.md:flat document" "$tmp/flatnote.md:walked"; do
  doc=${case%%:*}; want=${case#*:}
  for ea in true false; do
    SHIJIAN_VERBOSE=1 SHIJIAN_EAST_ASIAN_LINE_BREAKS=$ea "$PANDOC" -L "$F" "$doc" -s -t native -o "$tmp/fast.native" 2>"$tmp/err"
    SHIJIAN_EAST_ASIAN_LINE_BREAKS=$ea "$PANDOC" -L walk.lua "$doc" -s -t native -o "$tmp/walk.native" 2>>"$tmp/err"
    name="$(basename "$doc") (east-asian breaks $ea): read as '$want', same as through the walk"
    if ! grep -q "$want" "$tmp/err"; then no "$name" "$tmp/err"
    elif ! grep -q '"shijian"' "$tmp/fast.native"; then no "$name: marked up"
    elif cmp -s "$tmp/fast.native" "$tmp/walk.native"; then ok "$name"
    else diff -u "$tmp/walk.native" "$tmp/fast.native" >"$tmp/diff"; no "$name" "$tmp/diff"; fi
  done
done

finish
