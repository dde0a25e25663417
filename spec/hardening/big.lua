-- big.lua — helpers of spec/hardening/run.sh for the big inputs.
--   lua5.4 big.lua gen FILE [MB]     write a single line of news text (100 MB)
--   lua5.4 big.lua million JSON      tag of a million "a" lines: 1e6 sentences
--   lua5.4 big.lua line JSON SIZE    tag of the 100 MB line: offsets in range, in order
local cjson = require "cjson"
local cmd, path, size = ...
local function decode(p)
  local f = assert(io.open(p, "rb"))
  local d = cjson.decode(f:read("a"))
  f:close()
  return d
end
if cmd == "gen" then
  -- the sample text, its line ends removed: one line of real news
  local f0 = assert(io.open("examples/pla-intl-cooperation-2020.txt", "rb"))
  local unit = f0:read("a"):gsub("[\r\n]", "")
  f0:close()
  local f = assert(io.open(path, "wb"))
  local n, total = 0, math.floor((tonumber(size) or 100) * 1000000)
  while n + #unit <= total do f:write(unit); n = n + #unit end
  f:write(("a"):rep(total - n))
  f:close()
elseif cmd == "million" then
  local d = decode(path)
  assert(#d.sentences == 1000000, "sentences: " .. #d.sentences)
  assert(d.sentences[1000000].start == 1999998, "last sentence offset")
  assert(d.sentences[1000000].para == 0, "one paragraph")
elseif cmd == "line" then
  local d = decode(path)
  size = tonumber(size)
  assert(#d.sentences > 10000, "sentences: " .. #d.sentences)
  local prev = 0
  for i, s in ipairs(d.sentences) do
    assert(s.start >= prev and s["end"] <= size and s.start < s["end"], "sentence " .. i)
    prev = s["end"]
  end
  for i = 2, #d.mentions do
    assert(d.mentions[i].start >= d.mentions[i - 1].start, "mentions out of order at " .. i)
    assert(d.mentions[i]["end"] <= size, "mention out of range")
  end
  assert(#d.mentions > 10000, "mentions: " .. #d.mentions)
else
  error("usage: big.lua gen FILE | million JSON | line JSON SIZE")
end
