#!/usr/bin/env lua5.4
-- eval_cec.lua — generalisation check of time finding on the CEC corpus
-- (332 emergency news reports, ../shared/data/cec/README.md; not military news).
--
-- usage: lua5.4 bench/eval_cec.lua [-v] [CEC_DIR [SHIJIAN]]
--   CEC_DIR defaults to ../shared/data/cec (else /work/shared/data/cec),
--   SHIJIAN to build/shijian. Run from the project root.
--
-- For each CEC_DIR/*/*.xml: rebuild the text (title, blank line, then the
-- <Content> paragraphs one a line; white space touching a tag is dropped, as
-- the README says), run `SHIJIAN tag --ref YYYY-MM-DD` with the <ReportTime>
-- date, and count how many annotated <Time> spans come back as time mentions
-- with exactly the same byte span, and how many are at least overlapped. Only
-- spans are checked (CEC has no normalised values). "pred in content" counts
-- the tagger's time mentions inside the content; CEC does not mark every time
-- expression, so "precision" there is a lower bound. -v lists the misses.
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

-- Rebuild one report: text, list of {start, end, text} for <Time>, ref date.
local function rebuild(xml)
  local title = unescape((xml:match("<Title>%s*(.-)%s*</Title>") or ""))
  local rt = xml:match("<ReportTime[^>]*>(.-)</ReportTime>") or ""
  local y, m, d = rt:match("(%d%d%d%d)%D+(%d%d?)%D+(%d%d?)")
  local ref = y and string.format("%s-%02d-%02d", y, tonumber(m), tonumber(d))
  local content = (xml:match("<Content>(.-)</Content>") or "")
    :gsub("%s+<", "<"):gsub(">%s+", ">")
  local out, len, times, open = { title, "\n\n" }, #title + 2, {}, nil
  local pos = 1
  while pos <= #content do
    local s, e, tag = content:find("<(/?[%w]+)[^>]*>", pos)
    local chunk = unescape(content:sub(pos, (s or #content + 1) - 1))
    out[#out + 1] = chunk; len = len + #chunk
    if not s then break end
    if tag == "Time" then open = len
    elseif tag == "/Time" and open then
      times[#times + 1] = { open, len }; open = nil
    elseif tag == "/Paragraph" then out[#out + 1] = "\n"; len = len + 1 end
    pos = e + 1
  end
  local text = table.concat(out)
  for _, t in ipairs(times) do t[3] = text:sub(t[1] + 1, t[2]) end
  return text, times, ref, #title + 2
end

local files = {}
local p = io.popen("find " .. q(dir) .. " -mindepth 2 -maxdepth 2 -name '*.xml' | LC_ALL=C sort")
for l in p:lines() do files[#files + 1] = l end
p:close()

local tmp = os.tmpname()
local n_gold, n_exact, n_overlap, n_pred, n_pred_ok, n_docs, n_fail = 0, 0, 0, 0, 0, 0, 0
for _, path in ipairs(files) do
  local f = assert(io.open(path, "rb")); local xml = f:read("a"); f:close()
  local text, times, ref, body = rebuild(xml)
  local w = assert(io.open(tmp, "wb")); w:write(text); w:close()
  local cmd = q(shijian) .. " tag " .. (ref and ("--ref " .. ref .. " ") or "") .. q(tmp)
  local h = io.popen(cmd .. " 2>/dev/null"); local js = h:read("a"); h:close()
  local ok, doc = pcall(cjson.decode, js)
  if not ok or type(doc) ~= "table" then
    n_fail = n_fail + 1
    if verbose then print("FAILED " .. path) end
  else
    n_docs = n_docs + 1
    local pred, exact = {}, {}
    for _, m in ipairs(doc.mentions or {}) do
      if m.kind == "time" and m.start >= body then
        pred[#pred + 1] = m
        exact[string.format("%d:%d", m.start, m["end"])] = true
      end
    end
    n_pred = n_pred + #pred
    local gold_spans = {}
    for _, t in ipairs(times) do
      n_gold = n_gold + 1
      local key = string.format("%d:%d", t[1], t[2])
      gold_spans[key] = true
      if exact[key] then n_exact = n_exact + 1; n_overlap = n_overlap + 1
      else
        local hit
        for _, m in ipairs(pred) do
          if m.start < t[2] and t[1] < m["end"] then hit = m; break end
        end
        if hit then n_overlap = n_overlap + 1 end
        if verbose then
          print(string.format("%s  %-16s %s", hit and "partial" or "missed ", t[3],
            hit and ("(pred " .. hit.text .. ")") or ""))
        end
      end
    end
    for key in pairs(exact) do if gold_spans[key] then n_pred_ok = n_pred_ok + 1 end end
  end
end
os.remove(tmp)

local function r(x, y) return y > 0 and x / y or 0 end
print(string.format("CEC: %d reports tagged (%d failed), %d annotated <Time> spans", n_docs,
  n_fail, n_gold))
print(string.format("  exact span found     %5d  recall %.3f", n_exact, r(n_exact, n_gold)))
print(string.format("  overlapped           %5d  recall %.3f", n_overlap, r(n_overlap, n_gold)))
print(string.format("  pred in content      %5d  exact-match share %.3f (lower bound on precision)",
  n_pred, r(n_pred_ok, n_pred)))
