#!/usr/bin/env lua5.4
-- score_seg.lua — shijian's own word-segmentation scorer (SIGHAN bakeoff style).
--
-- usage: lua5.4 bench/score_seg.lua [--row LABEL] GOLD PRED [TRAINING_WORDS]
--
-- GOLD and PRED hold the same text, one line each, words separated by white
-- space (the bakeoff uses two spaces). Line i of PRED is scored against line i
-- of GOLD. A predicted word is right when its character span equals the span of
-- a gold word. Reports precision, recall, F1 and word counts; with
-- TRAINING_WORDS (one word a line) also the OOV rate, OOV recall (gold words not
-- in the list) and IV recall.
--
-- CRLF, trailing blanks and empty lines are accepted; empty lines at the end of
-- either file are ignored. Exits 2 with a message when the line counts differ or
-- a line's text (white space removed) differs between the two files.
--
-- --row LABEL prints one table row instead of the report:
--   LABEL  P  R  F1  OOV-R  IV-R  gold-words  pred-words
-- (columns separated by tabs; OOV-R and IV-R are "-" without TRAINING_WORDS).
-- Pure Lua 5.4 (runs on 5.3 too); no modules.

local function die(msg)
  io.stderr:write("score_seg: ", msg, "\n")
  os.exit(2)
end

local usage = "usage: score_seg.lua [--row LABEL] GOLD PRED [TRAINING_WORDS]"
local a, row = { ... }, nil
if a[1] == "--row" then row = a[2]; table.remove(a, 1); table.remove(a, 1) end
if a[1] == "-h" or a[1] == "--help" then print(usage); os.exit(0) end
if #a < 2 or #a > 3 then io.stderr:write(usage, "\n"); os.exit(2) end

-- Read a file into a list of lines without "\r" and trailing blank lines.
local function read_lines(path)
  local f, err = io.open(path, "rb")
  if not f then die(err) end
  local lines = {}
  for l in f:lines() do lines[#lines + 1] = (l:gsub("\r$", "")) end
  f:close()
  while #lines > 0 and lines[#lines]:match("^%s*$") do lines[#lines] = nil end
  return lines
end

-- Words of one line, in order; white space is ASCII space, tab, CR.
local function words(line)
  local w = {}
  for t in line:gmatch("[^ \t\r]+") do w[#w + 1] = t end
  return w
end

-- Spans [s,e) in characters (UTF-8 code points; bytes if the line is invalid
-- UTF-8: equal spans either way since both sides hold the same text).
local function spans(ws)
  local out, pos = {}, 0
  for i, t in ipairs(ws) do
    local n = utf8.len(t) or #t
    out[i] = { pos, pos + n }
    pos = pos + n
  end
  return out
end

local gold, pred = read_lines(a[1]), read_lines(a[2])
if #gold ~= #pred then
  die(string.format("line counts differ: %s has %d lines, %s has %d",
    a[1], #gold, a[2], #pred))
end

local train
if a[3] then
  train = {}
  for _, l in ipairs(read_lines(a[3])) do
    local w = l:match("^%s*(.-)%s*$")
    if w ~= "" then train[w] = true end
  end
end

local n_gold, n_pred, n_right = 0, 0, 0
local n_oov, n_oov_right, n_iv, n_iv_right = 0, 0, 0, 0

for i = 1, #gold do
  local gw, pw = words(gold[i]), words(pred[i])
  local gtext, ptext = table.concat(gw), table.concat(pw)
  if gtext ~= ptext then
    -- show where the two texts part
    local k = 1
    while k <= #gtext and gtext:byte(k) == ptext:byte(k) do k = k + 1 end
    local from = math.max(1, k - 12)
    while from > 1 and (gtext:byte(from) or 0) & 0xC0 == 0x80 do from = from - 1 end
    die(string.format("text differs on line %d at character %d:\n  gold: %s\n  pred: %s",
      i, (utf8.len(gtext:sub(1, k - 1)) or k - 1) + 1, gtext:sub(from, k + 20), ptext:sub(from, k + 20)))
  end
  local pset = {}
  for _, s in ipairs(spans(pw)) do pset[s[1] .. ":" .. s[2]] = true end
  n_pred = n_pred + #pw
  n_gold = n_gold + #gw
  for j, s in ipairs(spans(gw)) do
    local hit = pset[s[1] .. ":" .. s[2]] and 1 or 0
    n_right = n_right + hit
    if train then
      if train[gw[j]] then n_iv, n_iv_right = n_iv + 1, n_iv_right + hit
      else n_oov, n_oov_right = n_oov + 1, n_oov_right + hit end
    end
  end
end

local function ratio(x, y) return y > 0 and x / y or 0 end
local p, r = ratio(n_right, n_pred), ratio(n_right, n_gold)
local f = (p + r) > 0 and 2 * p * r / (p + r) or 0
local oov_r, iv_r = ratio(n_oov_right, n_oov), ratio(n_iv_right, n_iv)

if row then
  local fmt = function(x) return string.format("%.3f", x) end
  print(table.concat({ row, fmt(p), fmt(r), fmt(f),
    train and fmt(oov_r) or "-", train and fmt(iv_r) or "-",
    tostring(n_gold), tostring(n_pred) }, "\t"))
else
  print(string.format("lines           %d", #gold))
  print(string.format("gold words      %d", n_gold))
  print(string.format("pred words      %d", n_pred))
  print(string.format("right words     %d", n_right))
  print(string.format("precision       %.4f", p))
  print(string.format("recall          %.4f", r))
  print(string.format("F1              %.4f", f))
  if train then
    print(string.format("OOV rate        %.4f  (%d of %d gold words)",
      ratio(n_oov, n_gold), n_oov, n_gold))
    print(string.format("OOV recall      %.4f  (%d/%d)", oov_r, n_oov_right, n_oov))
    print(string.format("IV recall       %.4f  (%d/%d)", iv_r, n_iv_right, n_iv))
  end
end
