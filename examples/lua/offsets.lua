-- offsets.lua — byte positions as characters and as UTF-16 offsets (LSP).
local sj = require "shijian"
local offsets = sj.offsets

local text = "😀 6月24日，中国军队访问俄罗斯。"
local ix = offsets.index(text) -- one pass; each conversion is then a binary search
print(("%d bytes, %d characters, %d UTF-16 units"):format(#text, ix:len(), ix:utf16_len()))

for _, m in ipairs(sj.mentions(text, { ref = 2020, kind = { "time", "actor" } })) do
  local cf, cl, us, ue = ix:span(m.first, m.last)
  print(("%-8s bytes %2d..%2d  chars %2d..%2d  utf16 [%2d,%2d)"):format(m.text, m.first, m.last, cf, cl, us, ue))
end

-- and back: an LSP position (UTF-16, 0-based) to a byte position
local u = 3
local b = ix:from_utf16(u)
local _, len = offsets.decode(text, b)
print(("utf16 %d -> byte %d (%s)"):format(u, b, text:sub(b, b + len - 1)))

-- invalid UTF-8: each bad byte is one character (and one UTF-16 unit)
local bad = "中\255国"
print(offsets.len(bad), offsets.char_pos(bad, 5), offsets.utf16(bad, 5), offsets.byte_pos(bad, 3))
