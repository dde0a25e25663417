#!/usr/bin/env lua5.4
-- eval_cec.lua — generalisation check of time and place finding on the CEC corpus
-- (332 emergency news reports, ../shared/data/cec/README.md; not military news).
--
-- usage: lua5.4 bench/eval_cec.lua [-v] [CEC_DIR [SHIJIAN]]
--   CEC_DIR defaults to ../shared/data/cec (else /work/shared/data/cec),
--   SHIJIAN to build/shijian. Run from the project root.
--
-- For each CEC_DIR/*/*.xml: rebuild the text (title, blank line, then the
-- <Content> paragraphs one a line; white space touching a tag is dropped, as
-- the README says), run `SHIJIAN tag --ref YYYY-MM-DD` with the <ReportTime>
-- date, and count how many annotated <Time> (<Location>) spans come back as
-- time (place) mentions with exactly the same byte span, and how many are at
-- least overlapped. Only spans are checked (CEC has no normalised values).
-- "pred in content" counts the tagger's mentions inside the content; CEC does
-- not mark every expression, so "precision" there is a lower bound. -v lists
-- the misses.
-- Needs lua-cjson.

local cjson = require "cjson"

local args, verbose = { ... }, false
if args[1] == "-h" or args[1] == "--help" then
  print("usage: eval_cec.lua [-v] [CEC_DIR [SHIJIAN]]"); os.exit(0)
end
if args[1] == "-v" then verbose = true; table.remove(args, 1) end
local function exists(p) local f = io.open(p, "rb"); if f then f:close() end return f ~= nil end
local dir = args[1] or (exists("../shared/data/cec/README.md") and "../shared/data/cec")
  or "/work/shared/data/cec"
local shijian = args[2] or "build/shijian"
if not exists(dir .. "/README.md") then
  print("eval_cec: no CEC data in " .. dir .. "; skipped"); os.exit(0)
end
if not exists(shijian) then print("eval_cec: " .. shijian .. " not found (run make first)"); os.exit(1) end

local function q(s) return "'" .. s:gsub("'", "'\\''") .. "'" end
local ENT = { lt = "<", gt = ">", amp = "&", quot = '"', apos = "'" }
local function unescape(s) return (s:gsub("&(%a+);", function(e) return ENT[e] end)) end

-- The annotated kinds and the mention kind each is scored against.
-- CEC's <Time> also marks durations (半个小时, 5分钟), which TIMEX3 counts as
-- time expressions and the tagger reports as kind "duration": the second row
-- scores <Time> against time and duration mentions together.
local KINDS = { { tag = "Time", kind = "time" }, { tag = "Time", kind = "time+duration" },
  { tag = "Location", kind = "place" } }

-- Rebuild one report: text, spans[tag] = list of {start, end, text}, ref
-- date, byte offset of the content.
local function rebuild(xml)
  local title = unescape((xml:match("<Title>%s*(.-)%s*</Title>") or ""))
  local rt = xml:match("<ReportTime[^>]*>(.-)</ReportTime>") or ""
  local y, m, d = rt:match("(%d%d%d%d)%D+(%d%d?)%D+(%d%d?)")
  local ref = y and string.format("%s-%02d-%02d", y, tonumber(m), tonumber(d))
  local content = (xml:match("<Content>(.-)</Content>") or "")
    :gsub("%s+<", "<"):gsub(">%s+", ">")
  local out, len, spans, open = { title, "\n\n" }, #title + 2, {}, {}
  for _, k in ipairs(KINDS) do spans[k.tag] = {} end
  local pos = 1
  while pos <= #content do
    local s, e, tag = content:find("<(/?[%w]+)[^>]*>", pos)
    local chunk = unescape(content:sub(pos, (s or #content + 1) - 1))
    out[#out + 1] = chunk; len = len + #chunk
    if not s then break end
    if spans[tag] then open[tag] = len
    elseif tag:sub(1, 1) == "/" and open[tag:sub(2)] then
      local list = spans[tag:sub(2)]
      list[#list + 1] = { open[tag:sub(2)], len }
      open[tag:sub(2)] = nil
    end
    if tag == "/Paragraph" then out[#out + 1] = "\n"; len = len + 1 end
    pos = e + 1
  end
  local text = table.concat(out)
  for _, list in pairs(spans) do
    for _, t in ipairs(list) do t[3] = text:sub(t[1] + 1, t[2]) end
  end
  return text, spans, ref, #title + 2
end

local files = {}
local p = io.popen("find " .. q(dir) .. " -mindepth 2 -maxdepth 2 -name '*.xml' | LC_ALL=C sort")
for l in p:lines() do files[#files + 1] = l end
p:close()

local score = {}
for _, k in ipairs(KINDS) do score[k.kind] = { gold = 0, exact = 0, overlap = 0, pred = 0, pred_ok = 0 } end

-- Score the annotated spans `gold` against the mentions of `kind` in doc.
local function tally(sc, gold, doc, kind, body)
  local pred, exact = {}, {}
  for _, m in ipairs(doc.mentions or {}) do
    if (m.kind == kind or kind:find(m.kind .. "+", 1, true) == 1 or
        kind:find("+" .. m.kind, 1, true)) and m.start >= body then
      pred[#pred + 1] = m
      exact[string.format("%d:%d", m.start, m["end"])] = true
    end
  end
  sc.pred = sc.pred + #pred
  local gold_spans = {}
  for _, t in ipairs(gold) do
    sc.gold = sc.gold + 1
    local key = string.format("%d:%d", t[1], t[2])
    gold_spans[key] = true
    if exact[key] then sc.exact = sc.exact + 1; sc.overlap = sc.overlap + 1
    else
      local hit
      for _, m in ipairs(pred) do
        if m.start < t[2] and t[1] < m["end"] then hit = m; break end
      end
      if hit then sc.overlap = sc.overlap + 1 end
      if verbose then
        print(string.format("%-6s %s  %-16s %s", kind, hit and "partial" or "missed ", t[3],
          hit and ("(pred " .. hit.text .. ")") or ""))
      end
    end
  end
  for key in pairs(exact) do if gold_spans[key] then sc.pred_ok = sc.pred_ok + 1 end end
end

local tmp = os.tmpname()
local n_docs, n_fail = 0, 0
for _, path in ipairs(files) do
  local f = assert(io.open(path, "rb")); local xml = f:read("a"); f:close()
  local text, spans, ref, body = rebuild(xml)
  local w = assert(io.open(tmp, "wb")); w:write(text); w:close()
  local cmd = q(shijian) .. " tag " .. (ref and ("--ref " .. ref .. " ") or "") .. q(tmp)
  local h = io.popen(cmd .. " 2>/dev/null"); local js = h:read("a"); h:close()
  local ok, doc = pcall(cjson.decode, js)
  if not ok or type(doc) ~= "table" then
    n_fail = n_fail + 1
    if verbose then print("FAILED " .. path) end
  else
    n_docs = n_docs + 1
    for _, k in ipairs(KINDS) do
      local v = verbose
      if k.kind == "time+duration" then verbose = false end -- the misses once
      tally(score[k.kind], spans[k.tag], doc, k.kind, body)
      verbose = v
    end
  end
end
os.remove(tmp)

local function r(x, y) return y > 0 and x / y or 0 end
print(string.format("CEC: %d reports tagged (%d failed)", n_docs, n_fail))
for _, k in ipairs(KINDS) do
  local sc = score[k.kind]
  print(string.format("  <%s> %d annotated spans, scored against %s mentions", k.tag, sc.gold, k.kind))
  print(string.format("    exact span found     %5d  recall %.3f", sc.exact, r(sc.exact, sc.gold)))
  print(string.format("    overlapped           %5d  recall %.3f", sc.overlap, r(sc.overlap, sc.gold)))
  print(string.format("    pred in content      %5d  exact-match share %.3f (lower bound on precision)",
    sc.pred, r(sc.pred_ok, sc.pred)))
end
