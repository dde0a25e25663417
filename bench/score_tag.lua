#!/usr/bin/env lua5.4
-- score_tag.lua — score `shijian tag` output against hand-made gold annotations
-- (format and rules: ../shared/gold/README.md).
--
-- usage: lua5.4 bench/score_tag.lua [-v] GOLD.json PRED.json [GOLD2.json PRED2.json ...]
--
-- Several GOLD/PRED pairs are pooled (micro-averaged). PRED is the JSON object
-- `shijian tag` writes ({"mentions":[{"kind":...}], "events":[...]}); a file in
-- the gold layout ("times", "actors", ... arrays) is accepted too, so a gold file
-- scored against itself gives 1.0 everywhere.
--
-- Mentions (times = kind "time", durations, actors, places, names, quantities):
-- a prediction is right when its byte span [start,end) equals a gold span (each
-- gold mention used once); "+value" also requires the value: times/durations
-- value string (approx ignored; times on their date part, vague and recurring
-- times left out), actors codes as a set, places country, names
-- class, quantities value and unit.
-- Events: a prediction matches a gold event when the trigger spans overlap and
-- the CAMEO roots are equal; pairs are taken greedily, same CAMEO code first,
-- then closest trigger start, each gold event at most once. For matched events:
-- share with the same cameo, date (string equal, null = null), sources and
-- targets (set equal), place (string equal).
-- -v lists the misses (gold not found, spurious predictions, wrong values).
-- Needs lua-cjson (apt-get install lua-cjson).

local ok, cjson = pcall(require, "cjson")
if not ok then
  io.stderr:write("score_tag: lua-cjson missing (apt-get install lua-cjson)\n")
  os.exit(2)
end

local usage = "usage: score_tag.lua [-v] GOLD.json PRED.json [GOLD2.json PRED2.json ...]"
local args, verbose = { ... }, false
if args[1] == "-h" or args[1] == "--help" then print(usage); os.exit(0) end
if args[1] == "-v" then verbose = true; table.remove(args, 1) end
if #args < 2 or #args % 2 ~= 0 then io.stderr:write(usage, "\n"); os.exit(2) end

local function die(msg) io.stderr:write("score_tag: ", msg, "\n"); os.exit(2) end

local function nn(v) if v == cjson.null then return nil end return v end

local function load(path)
  local f, err = io.open(path, "rb")
  if not f then die(err) end
  local s = f:read("a"); f:close()
  local okd, doc = pcall(cjson.decode, s)
  if not okd then die(path .. ": " .. tostring(doc)) end
  if type(doc) ~= "table" then die(path .. ": not a JSON object") end
  return doc
end

local function set_eq(a, b)
  a, b = nn(a) or {}, nn(b) or {}
  local sa, sb, na, nb = {}, {}, 0, 0
  for _, x in ipairs(a) do if not sa[x] then sa[x] = true; na = na + 1 end end
  for _, x in ipairs(b) do if not sb[x] then sb[x] = true; nb = nb + 1 end end
  if na ~= nb then return false end
  for x in pairs(sa) do if not sb[x] then return false end end
  return true
end

local function num_eq(a, b)
  a, b = tonumber(nn(a)), tonumber(nn(b))
  if a == nil or b == nil then return a == b end
  return math.abs(a - b) <= 1e-9 * math.max(1, math.abs(a))
end

local function show(v)
  v = nn(v)
  if type(v) == "table" then
    local t = {}
    for i, x in ipairs(v) do t[i] = tostring(x) end
    return "[" .. table.concat(t, ",") .. "]"
  end
  if math.type(v) == "float" and v == math.floor(v) then return string.format("%d", v) end
  return tostring(v)
end

-- A time value on its date part: TIMEX3 parts of day and clock times
-- (1998-01-04TEV, 1998-01-17T11:00) count as their day, in each element of
-- an interval or list (the gold keeps the date, README "Time values").
local function date_part(v)
  v = nn(v)
  if type(v) ~= "string" then return v end
  return (v:gsub("(%d)T[%w:]+", "%1"))
end

-- kind: gold key, `shijian tag` kind, value test, value shown by -v
local KINDS = {
  { "times", "time", function(g, p) return date_part(g.value) == date_part(p.value) end, "value" },
  { "durations", "duration", function(g, p) return nn(g.value) == nn(p.value) end, "value" },
  { "actors", "actor", function(g, p) return set_eq(g.codes, p.codes) end, "codes" },
  { "places", "place", function(g, p) return nn(g.country) == nn(p.country) end, "country" },
  { "names", "name", function(g, p) return nn(g.class) == nn(p.class) end, "class" },
  { "quantities", "quantity",
    function(g, p) return num_eq(g.value, p.value) and nn(g.unit) == nn(p.unit) end, "value" },
}

-- The mentions of one kind, in either layout.
-- Vague references (PRESENT_REF ...), sets (每年 = P1Y) and durations of an
-- unknown count (几年 = PXY, flagged vague) are not annotated in the gold:
-- they are left out of the predictions.
local function unannotated(m)
  if m.kind == "duration" then return m.vague == true end
  if m.kind ~= "time" then return false end
  local v = nn(m.value)
  return m.set == true or m.vague == true or (type(v) == "string" and v:match("_REF$") ~= nil)
end

local function mentions_of(doc, key, kind)
  if nn(doc.mentions) then
    local out = {}
    for _, m in ipairs(doc.mentions) do
      if m.kind == kind and not unannotated(m) then out[#out + 1] = m end
    end
    return out
  end
  return nn(doc[key]) or {}
end

local function root_of(e)
  local r = nn(e.root)
  if r == nil and type(nn(e.cameo)) == "string" then r = e.cameo:sub(1, 2) end
  return r
end

local tally = {}   -- key -> {gold, pred, span, value}
for _, k in ipairs(KINDS) do tally[k[1]] = { gold = 0, pred = 0, span = 0, value = 0 } end
local ev = { gold = 0, pred = 0, matched = 0, cameo = 0, date = 0, sources = 0,
  targets = 0, place = 0, flagged = 0 }

local function note(fmt, ...) if verbose then print(string.format(fmt, ...)) end end
local function span_s(m) return string.format("%d-%d", m.start, m["end"]) end

-- Every mention and event trigger needs numeric start/end.
local function check_doc(doc, path)
  local function ok(m) return type(m) == "table" and type(m.start) == "number"
    and type(m["end"]) == "number" end
  for _, k in ipairs(KINDS) do
    for i, m in ipairs(mentions_of(doc, k[1], k[2])) do
      if not ok(m) then die(string.format("%s: %s #%d has no numeric start/end", path, k[1], i)) end
    end
  end
  for i, e in ipairs(nn(doc.events) or {}) do
    if not ok(nn(e.trigger)) then
      die(string.format("%s: event #%d has no trigger with numeric start/end", path, i))
    end
  end
end

for pair = 1, #args, 2 do
  local gold, pred = load(args[pair]), load(args[pair + 1])
  check_doc(gold, args[pair]); check_doc(pred, args[pair + 1])
  note("== %s vs %s", args[pair], args[pair + 1])

  for _, k in ipairs(KINDS) do
    local key, kind, same, field = k[1], k[2], k[3], k[4]
    local gs, ps, t = mentions_of(gold, key, kind), mentions_of(pred, key, kind), tally[key]
    t.gold, t.pred = t.gold + #gs, t.pred + #ps
    local by_span, used = {}, {}
    for _, g in ipairs(gs) do
      local s = span_s(g)
      by_span[s] = by_span[s] or {}
      table.insert(by_span[s], g)
    end
    for _, p in ipairs(ps) do
      local cands, pick = by_span[span_s(p)] or {}, nil
      for _, g in ipairs(cands) do          -- unused gold at this span, right value first
        if not used[g] and (pick == nil or (same(g, p) and not same(pick, p))) then pick = g end
      end
      if pick then
        used[pick] = true
        t.span = t.span + 1
        if same(pick, p) then t.value = t.value + 1
        else note("  %-10s wrong %-7s %s %s: gold %s, pred %s", key, field, span_s(p),
          p.text, show(pick[field]), show(p[field])) end
      else
        note("  %-10s spurious      %s %s", key, span_s(p), tostring(p.text))
      end
    end
    for _, g in ipairs(gs) do
      if not used[g] then note("  %-10s missed        %s %s", key, span_s(g), g.text) end
    end
  end

  -- events
  local gs, ps = nn(gold.events) or {}, nn(pred.events) or {}
  ev.gold, ev.pred = ev.gold + #gs, ev.pred + #ps
  local pairs_ = {}
  for i, p in ipairs(ps) do
    if p.negated == true or p.future == true or p.hypothetical == true then
      ev.flagged = ev.flagged + 1
    end
    local pt = p.trigger
    for j, g in ipairs(gs) do
      local gt = g.trigger
      if pt.start < gt["end"] and gt.start < pt["end"] and root_of(p) == root_of(g) then
        pairs_[#pairs_ + 1] = { i = i, j = j, same = nn(p.cameo) == nn(g.cameo) and 0 or 1,
          dist = math.abs(pt.start - gt.start) }
      end
    end
  end
  table.sort(pairs_, function(a, b)
    if a.same ~= b.same then return a.same < b.same end
    if a.dist ~= b.dist then return a.dist < b.dist end
    if a.i ~= b.i then return a.i < b.i end
    return a.j < b.j
  end)
  local pi, gj = {}, {}
  for _, c in ipairs(pairs_) do
    if not pi[c.i] and not gj[c.j] then
      pi[c.i], gj[c.j] = c.j, c.i
      local p, g = ps[c.i], gs[c.j]
      ev.matched = ev.matched + 1
      local function check(name, good, gv, pv)
        if good then ev[name] = ev[name] + 1
        else note("  event %-8s %s %s: gold %s, pred %s", name, span_s(g.trigger),
          g.trigger.text, show(gv), show(pv)) end
      end
      check("cameo", nn(p.cameo) == nn(g.cameo), g.cameo, p.cameo)
      check("date", date_part(p.date) == date_part(g.date), g.date, p.date)
      check("sources", set_eq(p.sources, g.sources), g.sources, p.sources)
      check("targets", set_eq(p.targets, g.targets), g.targets, p.targets)
      local pp = nn(p.place)
      if type(pp) == "table" then pp = nn(pp.text) end   -- a place mention object
      check("place", pp == nn(g.place), g.place, pp)
    end
  end
  for j, g in ipairs(gs) do
    if not gj[j] then note("  event missed   %s %s (%s %s)", span_s(g.trigger), g.trigger.text,
      show(g.cameo), tostring(nn(g.label))) end
  end
  for i, p in ipairs(ps) do
    if not pi[i] then note("  event spurious %s %s (%s %s)", span_s(p.trigger),
      tostring(p.trigger.text), show(p.cameo), tostring(nn(p.label))) end
  end
end

local function prf(right, npred, ngold)
  local p = npred > 0 and right / npred or 0
  local r = ngold > 0 and right / ngold or 0
  return p, r, (p + r) > 0 and 2 * p * r / (p + r) or 0
end

local TARGET = { times = "value F1 >= 0.95", actors = "value F1 >= 0.90" }
print(string.format("%-11s %5s %5s | %-17s | %-17s | %s", "kind", "gold", "pred",
  "span  P     R     F1", "+value P    R     F1", "target (issue 3)"))
for _, k in ipairs(KINDS) do
  local t = tally[k[1]]
  local sp, sr, sf = prf(t.span, t.pred, t.gold)
  local vp, vr, vf = prf(t.value, t.pred, t.gold)
  print(string.format("%-11s %5d %5d | %5.3f %5.3f %5.3f | %5.3f %5.3f %5.3f | %s",
    k[1], t.gold, t.pred, sp, sr, sf, vp, vr, vf, TARGET[k[1]] or ""))
end
local ep, er, ef = prf(ev.matched, ev.pred, ev.gold)
print(string.format("%-11s %5d %5d | %5.3f %5.3f %5.3f | %-17s | %s", "events", ev.gold,
  ev.pred, ep, er, ef, "trigger+root", "F1 >= 0.80"))
local function share(x) return ev.matched > 0 and x / ev.matched or 0 end
print(string.format("matched events %d: cameo %.3f  date %.3f  sources %.3f  targets %.3f" ..
  "  place %.3f   (target >= 0.70 each for date, sources, targets)", ev.matched,
  share(ev.cameo), share(ev.date), share(ev.sources), share(ev.targets), share(ev.place)))
local function of_all(x) return ev.gold > 0 and x / ev.gold or 0 end
print(string.format("of all %d gold events:      date %.3f  sources %.3f  targets %.3f  place %.3f",
  ev.gold, of_all(ev.date), of_all(ev.sources), of_all(ev.targets), of_all(ev.place)))
if ev.flagged > 0 then
  print(string.format("(%d predicted events flagged negated/future/hypothetical, scored like the others)",
    ev.flagged))
end
