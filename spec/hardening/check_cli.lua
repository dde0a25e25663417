-- check_cli.lua — check the CLI's output on one input against the defined
-- results (see bad/README.md).  Prints "ok" or the problems; exit 0/1.
--   lua5.4 check_cli.lua INPUT CUT_OUT TAG_OUT LINES_OUT EVENTS_OUT
-- (any output path may be "-" to skip that check)
local cjson = require "cjson"
local input, cut_out, tag_out, lines_out, events_out = ...

local function slurp(p)
  local f = assert(io.open(p, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

local problems = {}
local function fail(fmt, ...) problems[#problems + 1] = fmt:format(...) end

local text = slurp(input)
-- input lines: pieces between '\n', the last one only if not empty
local nlines = select(2, text:gsub("\n", ""))
if #text > 0 and text:sub(-1) ~= "\n" then nlines = nlines + 1 end

-- strict UTF-8 (Lua 5.3+ utf8.len is strict about surrogates and overlongs
-- in 5.4; check by hand for 5.3)
local function valid(s)
  local i, n = 1, #s
  while i <= n do
    local c = s:byte(i)
    local len, min
    if c < 0x80 then len, min = 1, 0
    elseif c >= 0xC2 and c <= 0xDF then len, min = 2, 0x80
    elseif c >= 0xE0 and c <= 0xEF then len, min = 3, 0x800
    elseif c >= 0xF0 and c <= 0xF4 then len, min = 4, 0x10000
    else return false end
    if i + len - 1 > n then return false end
    local v = len == 1 and c or (c & (0x7F >> len))
    for k = 1, len - 1 do
      local b = s:byte(i + k)
      if b & 0xC0 ~= 0x80 then return false end
      v = (v << 6) | (b & 0x3F)
    end
    if v < min or v > 0x10FFFF or (v >= 0xD800 and v <= 0xDFFF) then return false end
    i = i + len
  end
  return true
end

-- the input slice as the JSON writer renders it: invalid bytes -> U+FFFD
local function render(s)
  local out, i, n = {}, 1, #s
  while i <= n do
    local ok = false
    for len = 4, 1, -1 do
      if i + len - 1 <= n and valid(s:sub(i, i + len - 1)) then
        local c = s:byte(i)
        local want = c < 0x80 and 1 or c < 0xE0 and 2 or c < 0xF0 and 3 or 4
        if want == len then
          out[#out + 1] = s:sub(i, i + len - 1)
          i = i + len
          ok = true
          break
        end
      end
    end
    if not ok then out[#out + 1] = "\239\191\189"; i = i + 1 end
  end
  return table.concat(out)
end

if cut_out ~= "-" then
  local out = slurp(cut_out)
  local n = select(2, out:gsub("\n", ""))
  if n ~= nlines then fail("cut: %d lines for %d input lines", n, nlines) end
  local a = text:gsub("[ \t\r]", "")
  local b = out:gsub("[ \t\r]", "")
  if a:sub(-1) ~= "\n" and #a > 0 then a = a .. "\n" end
  if a ~= b then fail("cut: words differ from the input (%d vs %d bytes)", #b, #a) end
end

if tag_out ~= "-" then
  local out = slurp(tag_out)
  if not valid(out) then fail("tag: output is not UTF-8") end
  local ok, doc = pcall(cjson.decode, out)
  if not ok then
    fail("tag: invalid JSON: %s", tostring(doc))
  else
    local at = 0
    for i, t in ipairs(doc.tokens or {}) do
      if t.start ~= at then fail("tag: token %d starts at %d, want %d", i, t.start, at) break end
      if t["end"] <= t.start then fail("tag: empty token %d", i) break end
      local slice = text:sub(t.start + 1, t["end"])
      if t.text ~= render(slice) then fail("tag: token %d text %q is not the input %q", i, t.text, slice) break end
      if not valid(slice) and (t["end"] - t.start ~= 1 or t.pos ~= "x") then
        fail("tag: invalid byte at %d not a token of its own", t.start) break
      end
      at = t["end"]
    end
    if doc.tokens and at ~= #text then fail("tag: tokens end at %d, input has %d bytes", at, #text) end
    for i, m in ipairs(doc.mentions) do
      if not (m.start >= 0 and m.start < m["end"] and m["end"] <= #text) then fail("tag: mention %d out of range", i) break end
      if m.text ~= render(text:sub(m.start + 1, m["end"])) then fail("tag: mention %d text", i) break end
    end
    for i, m in ipairs(doc.mentions) do
      if m.kind == "time" and type(m.value) == "string" then
        for _, mo, d in m.value:gmatch("(%d%d%d%d)%-(%d%d)%-(%d%d)") do
          mo, d = tonumber(mo), tonumber(d)
          if mo < 1 or mo > 12 or d < 1 or d > 31 then fail("tag: time %d has an invalid date %s", i, m.value) end
        end
        for _, mo in m.value:gmatch("(%d%d%d%d)%-(%d%d)") do
          if tonumber(mo) < 1 or tonumber(mo) > 12 then fail("tag: time %d has an invalid month %s", i, m.value) end
        end
      end
    end
    for i, s in ipairs(doc.sentences) do
      if not (s.start >= 0 and s.start < s["end"] and s["end"] <= #text) then fail("tag: sentence %d out of range", i) break end
    end
    for i, e in ipairs(doc.events) do
      if not (e.trigger.start < e.trigger["end"] and e.trigger["end"] <= #text) then fail("tag: event %d", i) break end
    end
  end
end

if lines_out ~= "-" then
  local n = 0
  for l in io.lines(lines_out) do
    n = n + 1
    if not pcall(cjson.decode, l) then fail("tag --lines: line %d is not JSON", n) break end
  end
  if n ~= nlines then fail("tag --lines: %d objects for %d lines", n, nlines) end
end

if events_out ~= "-" then
  local n = 0
  for l in io.lines(events_out) do
    n = n + 1
    local tabs = select(2, l:gsub("\t", ""))
    if tabs ~= 7 then fail("events: row %d has %d fields", n, tabs + 1) break end
  end
end

if #problems > 0 then
  for _, p in ipairs(problems) do print(p) end
  os.exit(1)
end
print("ok")
