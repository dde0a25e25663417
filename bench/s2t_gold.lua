#!/usr/bin/env lua5.4
-- s2t_gold.lua — a segmentation gold in another script: the words of GOLD
-- (one line per line of text, words separated by white space) cut from the
-- characters of TEXT, the same text converted character for character
-- (opencc -c s2t keeps every line's length).  Used by bench/eval_seg.sh to
-- score the SIGHAN PKU test converted to traditional characters against the
-- same word boundaries.
--
-- usage: lua5.4 bench/s2t_gold.lua GOLD TEXT > GOLD-IN-TEXT's-SCRIPT
-- Exits 2 when a line's length differs between the two.

local function chars(s)
  local r = {}
  for c in s:gmatch("[%z\1-\127\194-\244][\128-\191]*") do r[#r + 1] = c end
  return r
end

local gold, text = arg[1], arg[2]
if not gold or not text then
  io.stderr:write("usage: s2t_gold.lua GOLD TEXT\n")
  os.exit(2)
end
local tl = io.lines(text)
local n = 0
for g in io.lines(gold) do
  n = n + 1
  local t = chars((tl() or ""):gsub("[%s\r]", ""))
  local out, k = {}, 0
  for w in g:gmatch("%S+") do
    local cw = #chars(w)
    out[#out + 1] = table.concat(t, "", k + 1, k + cw)
    k = k + cw
  end
  if k ~= #t then
    io.stderr:write(("s2t_gold: line %d: %d characters in the gold, %d in the text\n"):format(n, k, #t))
    os.exit(2)
  end
  io.write(table.concat(out, "  "), "\n")
end
