--- shijian.nvim word motions and text objects.
--
-- A line is cut into units the way Vim cuts it into words (runs of blanks,
-- of keyword characters, of punctuation; 'iskeyword' is not consulted: ASCII
-- letters, digits and "_" are keyword characters, as are letters beyond
-- ASCII), except that runs of Chinese characters are cut where the shijian
-- segmenter puts word boundaries. w/b/e/ge then behave as Vim's do —
-- counts, empty lines as words for w/b/ge, `cw` acting like `ce`, `dw` on a
-- line's last word stopping at the end of the line.
--
-- Mappings (made in plugin/shijian.lua):
--   <Plug>(shijian-w|b|e|ge)  normal, visual, operator-pending
--   <Plug>(shijian-iw|aw)     visual, operator-pending
-- Operator-pending motions are <Cmd> mappings, so `.` repeats them with the
-- motion computed afresh at the new position.
local api = vim.api
local M = {}

-- ---------------------------------------------------------------------------
-- Character classes: 0 blank, 1 punctuation, 2 word, 3 Chinese (segmented);
-- kana and hangul get classes of their own (unsegmented), as in Vim.

local punct_ranges = {
  { 0x00A1, 0x00BF }, { 0x00D7, 0x00D7 }, { 0x00F7, 0x00F7 },
  { 0x2010, 0x2027 }, { 0x2030, 0x205E }, { 0x2060, 0x27FF }, { 0x2E00, 0x2E7F },
  { 0x3001, 0x3020 }, { 0x3030, 0x3030 }, { 0x303D, 0x303D }, { 0x30FB, 0x30FB },
  { 0xFD3E, 0xFD3F }, { 0xFE10, 0xFE19 }, { 0xFE30, 0xFE6B },
  { 0xFF01, 0xFF0F }, { 0xFF1A, 0xFF20 }, { 0xFF3B, 0xFF40 }, { 0xFF5B, 0xFF65 },
}

local function cp_class(cp)
  if cp == 0x00A0 or cp == 0x3000 or (cp >= 0x2000 and cp <= 0x200B)
    or cp == 0x2028 or cp == 0x2029 or cp == 0x202F or cp == 0x205F or cp == 0xFEFF then
    return 0
  end
  if (cp >= 0x4E00 and cp <= 0x9FFF) or (cp >= 0x3400 and cp <= 0x4DBF)
    or (cp >= 0xF900 and cp <= 0xFAFF) or (cp >= 0x20000 and cp <= 0x3FFFF)
    or cp == 0x3007 then
    return 3
  end
  for _, r in ipairs(punct_ranges) do
    if cp >= r[1] and cp <= r[2] then return 1 end
  end
  if cp >= 0x3040 and cp <= 0x309F then return 0x3040 end -- hiragana
  if cp >= 0x30A0 and cp <= 0x30FF then return 0x30A0 end -- katakana
  if cp >= 0xAC00 and cp <= 0xD7A3 then return 0xAC00 end -- hangul
  return 2
end

-- class and byte length of the character at byte i (1-based) of s
local function char_at(s, i)
  local b = s:byte(i)
  if b < 0x80 then
    if b == 32 or b == 9 then return 0, 1 end
    if (b >= 48 and b <= 57) or (b >= 65 and b <= 90) or (b >= 97 and b <= 122) or b == 95 then return 2, 1 end
    return 1, 1
  end
  local len, cp
  if b >= 0xC2 and b <= 0xDF then len, cp = 2, b - 0xC0
  elseif b >= 0xE0 and b <= 0xEF then len, cp = 3, b - 0xE0
  elseif b >= 0xF0 and b <= 0xF4 then len, cp = 4, b - 0xF0
  else return 1, 1 end -- stray continuation or invalid lead byte: one byte
  for k = 1, len - 1 do
    local c = s:byte(i + k)
    if not c or c < 0x80 or c > 0xBF then return 1, 1 end
    cp = cp * 64 + (c - 0x80)
  end
  return cp_class(cp), len
end

M._char_at = char_at

-- ---------------------------------------------------------------------------
-- Units of a line: { s = first byte col (0-based), e = end col (exclusive),
-- lc = col of the unit's last character, c = class }

local cache, cache_n = {}, 0
local CACHE_MAX = 256
local MAX_SEG = 200000 -- longer lines: Chinese runs stay unsegmented (as Vim)

local function segment_starts(line)
  local starts = {}
  if #line > MAX_SEG or not line:find("[\228-\233]") then return starts end
  local model = require("shijian.nvim.loader").model()
  if not model then return starts end
  local ok, toks = pcall(model.tokens, model, line)
  if not ok or type(toks) ~= "table" then return starts end
  for _, t in ipairs(toks) do starts[t.first - 1] = true end
  return starts
end

--- The units of a line (cached by content).
function M.units(line)
  local u = cache[line]
  if u then return u end
  u = {}
  local n = #line
  if n > 0 then
    local seg = nil
    local i = 1
    local cur = nil
    while i <= n do
      local c, len = char_at(line, i)
      local col = i - 1
      local split = false
      if c == 3 and cur and cur.c == 3 then
        if seg == nil then seg = segment_starts(line) end
        split = seg[col] == true
      end
      if cur and cur.c == c and not split then
        cur.e = col + len
        cur.lc = col
      else
        cur = { s = col, e = col + len, lc = col, c = c }
        u[#u + 1] = cur
      end
      i = i + len
    end
  end
  if cache_n >= CACHE_MAX then cache, cache_n = {}, 0 end
  cache[line] = u
  cache_n = cache_n + 1
  return u
end

function M.clear_cache() cache, cache_n = {}, 0 end

-- ---------------------------------------------------------------------------
-- Positions are { row (0-based), col (0-based byte) }.

local function get_line(buf, row) return api.nvim_buf_get_lines(buf, row, row + 1, false)[1] or "" end

local function unit_index(u, col)
  for i = 1, #u do
    if col < u[i].e then return i end
  end
  return #u > 0 and #u or nil
end

local function last_char_pos(buf)
  local n = api.nvim_buf_line_count(buf)
  local l = get_line(buf, n - 1)
  local u = M.units(l)
  if #u == 0 then return n - 1, 0 end
  return n - 1, u[#u].lc
end

-- The nearest word after unit i of row (else on later rows): its start
-- (field "s") or last character ("lc"); with `empty`, an empty line counts
-- as a word.  nil at the end of the buffer.
local function scan_fwd(buf, row, u, i, field, empty)
  if i then
    for j = i + 1, #u do
      if u[j].c ~= 0 then return row, u[j][field] end
    end
  end
  for r = row + 1, api.nvim_buf_line_count(buf) - 1 do
    local u2 = M.units(get_line(buf, r))
    if empty and #u2 == 0 then return r, 0 end
    for j = 1, #u2 do
      if u2[j].c ~= 0 then return r, u2[j][field] end
    end
  end
  return nil
end

-- w: start of the next word (empty lines count). nil at the end of the buffer.
local function next_w(buf, row, col)
  local u = M.units(get_line(buf, row))
  return scan_fwd(buf, row, u, unit_index(u, col), "s", true)
end

-- The nearest word before unit i of row (else on earlier rows; an empty
-- line counts as a word): its start (field "s") or last character ("lc").
local function scan_back(buf, row, u, i, field)
  if i then
    for j = i - 1, 1, -1 do
      if u[j].c ~= 0 then return row, u[j][field] end
    end
  end
  for r = row - 1, 0, -1 do
    local u2 = M.units(get_line(buf, r))
    if #u2 == 0 then return r, 0 end
    for j = #u2, 1, -1 do
      if u2[j].c ~= 0 then return r, u2[j][field] end
    end
  end
  return 0, 0
end

-- b: start of the word at or before the cursor.
local function prev_b(buf, row, col)
  local u = M.units(get_line(buf, row))
  local i = unit_index(u, col)
  if i and u[i].c ~= 0 and col > u[i].s then return row, u[i].s end
  return scan_back(buf, row, u, i, "s")
end

-- e: end of the word at or after the cursor (empty lines do not count).
-- stay: if already at the end of a word, stay (for cw).
local function next_e(buf, row, col, stay)
  local u = M.units(get_line(buf, row))
  local i = unit_index(u, col)
  if i and u[i].c ~= 0 and (col < u[i].lc or (stay and col <= u[i].lc)) then return row, u[i].lc end
  return scan_fwd(buf, row, u, i, "lc", false)
end

-- ge: end of the previous word (empty lines count).
local function prev_ge(buf, row, col)
  local u = M.units(get_line(buf, row))
  return scan_back(buf, row, u, unit_index(u, col), "lc")
end

M._next_w, M._prev_b, M._next_e, M._prev_ge = next_w, prev_b, next_e, prev_ge

--- Where `count` steps of motion (w, b, e, ge) from (row, col) land, as Vim
-- moves without an operator. Returns row, col (0-based).
function M.target(buf, motion, row, col, count)
  for _ = 1, count do
    local r, c
    if motion == "w" then
      r, c = next_w(buf, row, col)
      if not r then r, c = last_char_pos(buf) end
    elseif motion == "b" then
      r, c = prev_b(buf, row, col)
    elseif motion == "e" then
      r, c = next_e(buf, row, col)
      if not r then r, c = last_char_pos(buf) end
    else
      r, c = prev_ge(buf, row, col)
    end
    if r == row and c == col then break end
    row, col = r, c
  end
  return row, col
end

local function set_cursor(row, col) api.nvim_win_set_cursor(0, { row + 1, col }) end

-- Select [from, to] (inclusive, characterwise) in Visual mode so that a
-- pending operator applies to it.
local function select_inclusive(r1, c1, r2, c2, linewise)
  set_cursor(r1, c1)
  vim.cmd("normal! " .. (linewise and "V" or "v"))
  if not linewise and r2 > r1 and get_line(0, r2) == "" then
    -- an inclusive end on an empty line: up to the previous line's end,
    -- its line break included (as Vim's own inclusive motions do)
    set_cursor(r2 - 1, 0)
    vim.cmd("normal! $")
    return
  end
  if not linewise and vim.o.selection == "exclusive" then
    local l = get_line(0, r2)
    local _, len = char_at(l .. " ", c2 + 1)
    c2 = c2 + len
  end
  set_cursor(r2, c2)
end

--- Run a motion ("w", "b", "e", "ge") in mode "n", "x" or "o".
function M.motion(motion, mode)
  local count = vim.v.count1
  local op = vim.v.operator
  local buf = api.nvim_get_current_buf()
  local cur = api.nvim_win_get_cursor(0)
  local row, col = cur[1] - 1, cur[2]
  if mode ~= "o" then
    local r, c = M.target(buf, motion, row, col, count)
    set_cursor(r, c)
    return
  end
  local line = get_line(buf, row)
  if motion == "w" then
    local u = M.units(line)
    local i = unit_index(u, col)
    if op == "c" and i and u[i].c ~= 0 then
      -- cw acts like ce, but stays on a word's last character
      local r, c = next_e(buf, row, col, true)
      for _ = 2, count do
        local r2, c2 = next_e(buf, r, c)
        if not r2 then break end
        r, c = r2, c2
      end
      select_inclusive(row, col, r, c)
      return
    end
    local n = api.nvim_buf_line_count(buf)
    local r, c = row, col
    for k = 1, count do
      local r2, c2 = next_w(buf, r, c)
      if k == count then
        local lr = get_line(buf, r)
        if #lr > 0 and (not r2 or r2 > r) then
          -- last word moved over ends its line: stop at the line's end
          local ur = M.units(lr)
          select_inclusive(row, col, r, ur[#ur].lc)
          return
        end
        if #lr == 0 then
          -- from an empty line Vim stops at the start of the next line; its
          -- rules for an exclusive motion ending in column 0 then apply
          if r + 1 < n then
            set_cursor(r + 1, 0)
          elseif r ~= row or c ~= col then
            set_cursor(r, c)
          end
          return
        end
      elseif not r2 then
        local lr, lc = last_char_pos(buf)
        select_inclusive(row, col, lr, lc)
        return
      end
      r, c = r2, c2
    end
    set_cursor(r, c) -- exclusive: Vim's own rules for an end in column 0 apply
    return
  elseif motion == "e" then
    local r, c = M.target(buf, "e", row, col, count)
    select_inclusive(row, col, r, c)
  elseif motion == "b" then
    local r, c = M.target(buf, "b", row, col, count)
    if r ~= row or c ~= col then set_cursor(r, c) end
  else -- ge: inclusive, backwards
    local r, c = M.target(buf, "ge", row, col, count)
    if r ~= row or c ~= col then select_inclusive(r, c, row, col) end
  end
end

--- Text object: kind "i" (iw) or "a" (aw), in mode "x" or "o".
function M.textobj(kind, mode)
  local count = vim.v.count1
  local buf = api.nvim_get_current_buf()
  local cur = api.nvim_win_get_cursor(0)
  local row, col = cur[1] - 1, cur[2]
  local line = get_line(buf, row)
  local u = M.units(line)
  if #u == 0 then
    if mode == "x" then return end
    return
  end
  if mode == "x" then
    local vs = vim.fn.getpos("v")
    local mode_now = api.nvim_get_mode().mode
    local extend = mode_now == "v" and (vs[2] - 1 ~= row or vs[3] - 1 ~= col)
    if extend and vs[2] - 1 == row and vs[3] - 1 < col then
      -- grow the selection forwards from the unit after the cursor's
      local i = unit_index(u, col)
      local j = i
      for _ = 1, count do
        if j >= #u then break end
        j = j + 1
        if kind == "a" and u[j].c == 0 and j < #u then j = j + 1 end
      end
      set_cursor(row, u[j].lc)
      return
    end
  end
  local i = unit_index(u, col)
  local s, e = i, i
  if kind == "i" then
    for _ = 2, count do
      if e < #u then e = e + 1 end
    end
  else
    local trailing = false
    for k = 1, count do
      if k > 1 and e < #u then e = e + 1 end
      if u[e].c == 0 then
        -- on blanks: blanks plus the word after them
        if e < #u then e = e + 1 end
      else
        -- a word plus the blanks after it
        if e < #u and u[e + 1].c == 0 then e = e + 1; trailing = true else trailing = false end
      end
    end
    if u[s].c ~= 0 and not trailing and s > 2 and u[s - 1].c == 0 and u[e].c ~= 0 then
      s = s - 1 -- no blanks after: take the ones before (never the indent)
    end
  end
  if mode == "x" then vim.cmd("normal! \27") end
  select_inclusive(row, u[s].s, row, u[e].lc)
end

local mapped = {} -- buf -> { { modes, lhs }, ... }

--- Remove the buffer-local mappings map_buffer() made.
function M.unmap_buffer(buf)
  for _, m in ipairs(mapped[buf] or {}) do
    pcall(vim.keymap.del, m[1], m[2], { buffer = buf })
  end
  mapped[buf] = nil
end

--- Make buffer-local mappings for buf (opts.mappings = true or a table).
function M.map_buffer(buf, mappings)
  M.unmap_buffer(buf)
  if not mappings then return end
  local list = {}
  mapped[buf] = list
  local keys = { w = "w", b = "b", e = "e", ge = "ge", iw = "iw", aw = "aw" }
  if type(mappings) == "table" then
    for k, v in pairs(mappings) do keys[k] = v end
  end
  for _, m in ipairs({ "w", "b", "e", "ge" }) do
    if keys[m] then
      vim.keymap.set({ "n", "x", "o" }, keys[m], "<Plug>(shijian-" .. m .. ")",
        { buffer = buf, remap = true, desc = "shijian: Chinese-aware " .. m })
      list[#list + 1] = { { "n", "x", "o" }, keys[m] }
    end
  end
  for _, m in ipairs({ "iw", "aw" }) do
    if keys[m] then
      vim.keymap.set({ "x", "o" }, keys[m], "<Plug>(shijian-" .. m .. ")",
        { buffer = buf, remap = true, desc = "shijian: Chinese-aware " .. m })
      list[#list + 1] = { { "x", "o" }, keys[m] }
    end
  end
end

return M
