--- shijian.offsets: byte positions <-> character and UTF-16 positions.
--
-- shijian reports byte positions (1-based, inclusive, as string.sub wants).
-- This module converts them for consumers that count otherwise:
--
--   * characters (code points), 1-based like Lua positions;
--   * UTF-16 code units, 0-based like LSP's `character` (a code point above
--     U+FFFF is two units).
--
-- Decoding is strict UTF-8, as in the core: a byte that does not start a
-- well-formed sequence (stray continuation byte, overlong form, surrogate,
-- beyond U+10FFFF, truncated sequence) counts as ONE character and ONE
-- UTF-16 unit, as if it had been replaced by U+FFFD.  So positions always
-- tile the text and never fail on bad input.
--
-- Pure Lua, no dependencies, runs on Lua 5.1 (LuaJIT) to 5.4.
local M = {}

local byte, floor, type, error, tostring = string.byte, math.floor, type, error, tostring

--- decode(s, i) -> codepoint or nil, length
-- The character starting at byte i: its code point and its length in bytes;
-- nil and 1 for a bad byte.  i must be within 1..#s.
local function decode(s, i)
  local c = byte(s, i)
  if c < 0x80 then return c, 1 end
  local len, v, min
  if c >= 0xC2 and c <= 0xDF then len, v, min = 2, c - 0xC0, 0x80
  elseif c >= 0xE0 and c <= 0xEF then len, v, min = 3, c - 0xE0, 0x800
  elseif c >= 0xF0 and c <= 0xF4 then len, v, min = 4, c - 0xF0, 0x10000
  else return nil, 1 end
  if i + len - 1 > #s then return nil, 1 end
  for k = 1, len - 1 do
    local b = byte(s, i + k)
    if b < 0x80 or b > 0xBF then return nil, 1 end
    v = v * 64 + (b - 0x80)
  end
  if v < min or v > 0x10FFFF or (v >= 0xD800 and v <= 0xDFFF) then return nil, 1 end
  return v, len
end
M.decode = decode

--- chars(s) -> iterator of first, last, codepoint (nil for a bad byte)
function M.chars(s)
  local i, n = 1, #s
  return function()
    if i > n then return nil end
    local cp, len = decode(s, i)
    local first = i
    i = i + len
    return first, i - 1, cp
  end
end

local function check_string(s, fname)
  if type(s) ~= "string" then
    error("shijian.offsets." .. fname .. ": bad argument #1 (string expected, got " .. type(s) .. ")", 0)
  end
end

local function check_int(x, lo, hi, what, fname)
  if type(x) ~= "number" or x ~= floor(x) then
    error("shijian.offsets." .. fname .. ": " .. what .. " must be an integer, got " .. tostring(x), 0)
  end
  if x < lo or x > hi then
    error(("shijian.offsets.%s: %s %d out of range %d..%d"):format(fname, what, x, lo, hi), 0)
  end
end

-- An index: arrays of the byte position (cb) and UTF-16 offset (cu) at which
-- each character starts, with a sentinel for the end of the text.
local Index = {}
Index.__index = Index

--- index(s) -> an Index for repeated conversions on the same text
-- (built in one pass; each conversion is then a binary search).
function M.index(s)
  check_string(s, "index")
  local cb, cu = {}, {}
  local i, n, k, u = 1, #s, 0, 0
  while i <= n do
    local cp, len = decode(s, i)
    k = k + 1
    cb[k], cu[k] = i, u
    u = u + ((cp and cp >= 0x10000) and 2 or 1)
    i = i + len
  end
  cb[k + 1], cu[k + 1] = n + 1, u
  return setmetatable({ text = s, nchars = k, nunits = u, cb = cb, cu = cu }, Index)
end

-- largest k with arr[k] <= x (arr ascending, arr[1] <= x)
local function floor_search(arr, x, hi)
  local lo = 1
  while lo < hi do
    local mid = floor((lo + hi + 1) / 2)
    if arr[mid] <= x then lo = mid else hi = mid - 1 end
  end
  return lo
end

--- ix:len() -> number of characters;  ix:utf16_len() -> number of UTF-16 units
function Index:len() return self.nchars end
function Index:utf16_len() return self.nunits end

--- ix:char_pos(pos) -> the (1-based) character containing byte pos.
-- pos may be #s + 1 (the end), which gives len + 1.
function Index:char_pos(pos)
  check_int(pos, 1, #self.text + 1, "byte position", "char_pos")
  return floor_search(self.cb, pos, self.nchars + 1)
end

--- ix:byte_pos(cpos) -> byte position of the first byte of character cpos
-- (1..len + 1; len + 1 gives #s + 1).
function Index:byte_pos(cpos)
  check_int(cpos, 1, self.nchars + 1, "character position", "byte_pos")
  return self.cb[cpos]
end

--- ix:utf16(pos) -> 0-based UTF-16 offset of the character containing byte pos
-- (the number of UTF-16 units before it); pos = #s + 1 gives the total.
function Index:utf16(pos)
  check_int(pos, 1, #self.text + 1, "byte position", "utf16")
  return self.cu[floor_search(self.cb, pos, self.nchars + 1)]
end

--- ix:from_utf16(u) -> byte position of the character at 0-based UTF-16
-- offset u (0..utf16_len); an offset inside a surrogate pair gives the pair.
function Index:from_utf16(u)
  check_int(u, 0, self.nunits, "UTF-16 offset", "from_utf16")
  return self.cb[floor_search(self.cu, u, self.nchars + 1)]
end

--- ix:span(first, last) -> char_first, char_last, utf16_start, utf16_end
-- A byte span (1-based inclusive) as a character span (1-based inclusive)
-- and a UTF-16 range (0-based, end exclusive: an LSP range's characters).
-- An empty span (last = first - 1) is allowed.
function Index:span(first, last)
  check_int(first, 1, #self.text + 1, "byte position", "span")
  check_int(last, first - 1, #self.text, "byte position", "span")
  local cf = floor_search(self.cb, first, self.nchars + 1)
  local ce = floor_search(self.cb, last + 1, self.nchars + 1) -- char after the span
  if self.cb[ce] < last + 1 then ce = ce + 1 end            -- last ends mid-character
  return cf, ce - 1, self.cu[cf], self.cu[ce]
end

-- Module-level functions take the text first.  Repeated calls on the same
-- (long) text reuse one cached index, so converting every mention of a
-- document costs O(n + m log n), not O(n * m).
local cached_text, cached_index
local function index_of(s, fname)
  check_string(s, fname)
  if #s < 256 then return M.index(s) end
  if cached_text ~= s then cached_text, cached_index = s, M.index(s) end
  return cached_index
end

--- len(s) -> number of characters (bad bytes count one each)
function M.len(s) return index_of(s, "len").nchars end
--- utf16_len(s) -> number of UTF-16 code units
function M.utf16_len(s) return index_of(s, "utf16_len").nunits end
--- char_pos(s, pos), byte_pos(s, cpos), utf16(s, pos), from_utf16(s, u), span(s, first, last)
function M.char_pos(s, pos) return index_of(s, "char_pos"):char_pos(pos) end
function M.byte_pos(s, cpos) return index_of(s, "byte_pos"):byte_pos(cpos) end
function M.utf16(s, pos) return index_of(s, "utf16"):utf16(pos) end
function M.from_utf16(s, u) return index_of(s, "from_utf16"):from_utf16(u) end
function M.span(s, first, last) return index_of(s, "span"):span(first, last) end

-- every table with first/last in an analysis result (an event's are its
-- trigger's and its sentence's: docs/schema.md)
local function each_span(doc, f)
  for _, key in ipairs { "tokens", "sentences", "clauses", "paragraphs", "mentions", "events" } do
    for _, x in ipairs(doc[key] or {}) do
      if x.first then f(x) end
      if type(x.trigger) == "table" then f(x.trigger) end
      if x.sentence then f(x.sentence) end
    end
  end
end

--- annotate(doc, text [, offset]) -> doc
-- Adds char_first, char_last (1-based inclusive) and utf16_start, utf16_end
-- (0-based, end exclusive) to every token, span, mention and event of doc
-- (an analysis of text), next to the byte positions first and last.
-- offset (default 0) is subtracted from first/last first: for a chunk of a
-- stream pass doc.text and doc.offset to count within the chunk (per line
-- with sj.each_line: LSP positions are then (doc.line - 1, utf16_start)).
function M.annotate(doc, text, offset)
  if type(doc) ~= "table" then
    error("shijian.offsets.annotate: bad argument #1 (table expected, got " .. type(doc) .. ")", 0)
  end
  local ix = index_of(text, "annotate")
  offset = offset or 0
  each_span(doc, function(x)
    x.char_first, x.char_last, x.utf16_start, x.utf16_end = ix:span(x.first - offset, x.last - offset)
  end)
  return doc
end

return M
