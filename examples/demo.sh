#!/bin/sh
# The demo: shijian on the sample text (a 2020 year-end review of Chinese
# military international cooperation, extracted from a newspaper page).
# B: the build directory (make demo passes its own).
cd "$(dirname "$0")/.." || exit 1
B=${B:-build}
sj=$B/shijian
# at most N characters of each line, never half a UTF-8 character (cut -c
# counts bytes)
clip() {
  N=$1 lua5.4 -e 'local n = tonumber(os.getenv("N"))
    for l in io.lines() do
      local cut = utf8.len(l) and utf8.offset(l, n + 1)
      io.write(cut and l:sub(1, cut - 1) or l, "\n")
    end'
}
text=examples/pla-intl-cooperation-2020.txt
echo "== words (shijian cut), first lines"
sed -n '5,12p' "$text" | $sj cut | clip 100
echo
echo "== events as a timeline (shijian events), first 25"
$sj events "$text" | head -n 25 | cut -f1-6 | column -t -s "$(printf '\t')" 2>/dev/null || $sj events "$text" | head -n 25
echo
echo "== mentions by kind (shijian tag)"
$sj tag "$text" | lua5.4 -e '
  local s = io.read("a")
  local counts, ex = {}, {}
  for kind, txt in s:gmatch([["kind":"(%a+)","text":"([^"]*)"]]) do
    counts[kind] = (counts[kind] or 0) + 1
    ex[kind] = ex[kind] or {}
    if #ex[kind] < 6 then table.insert(ex[kind], txt) end
  end
  for _, k in ipairs { "time", "duration", "actor", "place", "name", "quantity" } do
    print(string.format("%-9s %4d  e.g. %s", k, counts[k] or 0, table.concat(ex[k] or {}, " · ")))
  end'
echo
echo "== the same from Lua"
B=$B lua5.4 -e '
  package.path = "lua/?.lua;lua/?/init.lua;" .. package.path
  package.cpath = os.getenv("B") .. "/lua5.4/?.so;" .. package.cpath
  local sj = require "shijian"
  local doc = sj.analyze("12月22日，中俄两国空军在亚太地区实施第二次联合空中战略巡航。", { ref = 2020 })
  for _, e in ipairs(doc.events) do
    print(e.date, e.cameo, e.label, table.concat(e.sources, "+"), "->", table.concat(e.targets, "+"), e.trigger)
  end'
