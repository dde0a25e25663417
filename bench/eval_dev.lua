#!/usr/bin/env lua5.4
-- eval_dev.lua — score the tagger on the development set ../shared/gold/dev-pd1998
-- (one paragraph a line, each with its own date), as its README prescribes:
-- each line is tagged on its own with the date of its id as the reference date,
-- offsets are shifted by the line's byte start, and the pooled result is scored
-- by bench/score_tag.lua against the gold.  Besides the whole set, the odd and
-- the even lines are scored apart: develop on one half, check on the other; if
-- the halves differ a lot, the rules fit strings, not patterns.
--
-- usage: lua5.4 bench/eval_dev.lua [-v] [all|odd|even]
--   GOLD_DIR=DIR   gold directory (default ../shared/gold, else /work/shared/gold)
--   SHIJIAN=BIN    the CLI (default build/shijian)
-- Predictions flagged negated or hypothetical are left out before scoring: the
-- gold does not annotate such events (its README, "Events: inclusion").
-- Needs lua-cjson.

local cjson = require "cjson"

local args = { ... }
local verbose = args[1] == "-v"
if verbose then table.remove(args, 1) end
local only = args[1]

local root = (arg and arg[0] or "bench/eval_dev.lua"):match("^(.*)/bench/[^/]*$") or "."
local gold_dir = os.getenv("GOLD_DIR")
if not gold_dir then
  gold_dir = root .. "/../shared/gold"
  local f = io.open(gold_dir .. "/README.md")
  if f then f:close() else gold_dir = "/work/shared/gold" end
end
local dev = gold_dir .. "/dev-pd1998"
local shijian = os.getenv("SHIJIAN") or (root .. "/build/shijian")
local out_dir = root .. "/build/eval"

local function slurp(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("a"); f:close()
  return s
end

local text = slurp(dev .. "/dev-pd1998.txt")
if not text then
  print("eval_dev: no development set in " .. dev .. "; skipped")
  os.exit(0)
end
local gold = cjson.decode(assert(slurp(dev .. "/dev-pd1998.gold.json")))
local ids = {}
for id in assert(slurp(dev .. "/dev-pd1998.ids.txt")):gmatch("[^\n]+") do ids[#ids + 1] = id end

-- Lines with their byte starts.
local lines, pos = {}, 1
while pos <= #text do
  local nl = text:find("\n", pos, true) or (#text + 1)
  lines[#lines + 1] = { start = pos - 1, stop = nl - 1, text = text:sub(pos, nl - 1) }
  pos = nl + 1
end
assert(#lines == #ids, "eval_dev: lines and ids differ in number")

os.execute("mkdir -p '" .. out_dir .. "'")

-- Tag every line through one JSON Lines run when the CLI has --jsonl, else
-- one process per line.
local function tag_all()
  local results = {}
  local inp = out_dir .. "/dev-pd1998.in.jsonl"
  local f = assert(io.open(inp, "wb"))
  for i, l in ipairs(lines) do
    local id = ids[i]
    local date = id:sub(1, 4) .. "-" .. id:sub(5, 6) .. "-" .. id:sub(7, 8)
    f:write(cjson.encode({ id = id, date = date, text = l.text }), "\n")
  end
  f:close()
  local p = io.popen("'" .. shijian .. "' tag --jsonl '" .. inp .. "' 2>/dev/null")
  local s = p:read("a"); p:close()
  for line in s:gmatch("[^\n]+") do
    local okd, r = pcall(cjson.decode, line)
    if okd and type(r) == "table" and r.id then results[r.id] = r end
  end
  if next(results) then return results end
  -- fallback: one process per line
  local tmp = out_dir .. "/dev-line.txt"
  for i, l in ipairs(lines) do
    local id = ids[i]
    local date = id:sub(1, 4) .. "-" .. id:sub(5, 6) .. "-" .. id:sub(7, 8)
    local g = assert(io.open(tmp, "wb")); g:write(l.text); g:close()
    local q = io.popen("'" .. shijian .. "' tag --ref " .. date .. " '" .. tmp .. "'")
    local js = q:read("a"); q:close()
    results[id] = cjson.decode(js)
  end
  return results
end

local results = tag_all()
local pred = { mentions = {}, events = {} }
local line_of_pred = { mentions = {}, events = {} }
for i, l in ipairs(lines) do
  local r = results[ids[i]]
  if not r then error("eval_dev: no result for line " .. i .. " (" .. ids[i] .. ")") end
  for _, m in ipairs(r.mentions or {}) do
    m.start, m["end"] = m.start + l.start, m["end"] + l.start
    pred.mentions[#pred.mentions + 1] = m
    line_of_pred.mentions[#pred.mentions] = i
  end
  for _, e in ipairs(r.events or {}) do
    if e.negated ~= true and e.hypothetical ~= true then
      e.trigger.start, e.trigger["end"] = e.trigger.start + l.start, e.trigger["end"] + l.start
      pred.events[#pred.events + 1] = e
      line_of_pred.events[#pred.events] = i
    end
  end
end

-- The line (1-based) a byte offset falls in.
local function line_at(off)
  local lo, hi = 1, #lines
  while lo < hi do
    local mid = (lo + hi + 1) // 2
    if lines[mid].start <= off then lo = mid else hi = mid - 1 end
  end
  return lo
end

local KEYS = { "times", "durations", "actors", "places", "names", "quantities" }
local function subset(parity)
  local keep = function(i) return parity == nil or i % 2 == parity end
  local g = { events = {} }
  for _, k in ipairs(KEYS) do
    g[k] = {}
    for _, m in ipairs(gold[k] or {}) do
      if keep(line_at(m.start)) then g[k][#g[k] + 1] = m end
    end
  end
  for _, e in ipairs(gold.events or {}) do
    if keep(line_at(e.trigger.start)) then g.events[#g.events + 1] = e end
  end
  local p = { mentions = {}, events = {} }
  for j, m in ipairs(pred.mentions) do
    if keep(line_of_pred.mentions[j]) then p.mentions[#p.mentions + 1] = m end
  end
  for j, e in ipairs(pred.events) do
    if keep(line_of_pred.events[j]) then p.events[#p.events + 1] = e end
  end
  return g, p
end

local function write(path, doc)
  local f = assert(io.open(path, "wb"))
  f:write(cjson.encode(doc)); f:close()
end

local lua = os.getenv("LUA") or "lua5.4"
local sets = { { "all", nil }, { "odd", 1 }, { "even", 0 } }
for _, s in ipairs(sets) do
  if not only or only == s[1] then
    local g, p = subset(s[2])
    local gp = out_dir .. "/dev-pd1998." .. s[1] .. ".gold.json"
    local pp = out_dir .. "/dev-pd1998." .. s[1] .. ".pred.json"
    write(gp, g); write(pp, p)
    print(string.format("== dev-pd1998 (%s lines: %d gold events), reference date per line",
      s[1], #g.events))
    io.stdout:flush()
    os.execute(lua .. " '" .. root .. "/bench/score_tag.lua' " .. (verbose and "-v " or "")
      .. "'" .. gp .. "' '" .. pp .. "'")
  end
end
