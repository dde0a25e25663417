-- big.lua — helpers of spec/hardening/run.sh for the big inputs.
--   lua5.4 big.lua gen FILE          write a 100 MB single line of news text
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
  local unit = ("中俄两国空军在亚太地区实施联合空中战略巡航，"):rep(1000) .. "。"
  local f = assert(io.open(path, "wb"))
  local n = 0
  while n + #unit <= 100000000 do f:write(unit); n = n + #unit end
  f:write(("a"):rep(100000000 - n))
  f:close()
elseif cmd == "million" then
  local d = decode(path)
  assert(#d.sentences == 1000000, "sentences: " .. #d.sentences)
  assert(d.sentences[1000000].start == 1999998, "last sentence offset")
  assert(d.sentences[1000000].para == 0, "one paragraph")
elseif cmd == "line" then
  local d = decode(path)
  size = tonumber(size)
  assert(#d.sentences > 1000, "sentences: " .. #d.sentences)
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
