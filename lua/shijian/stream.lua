--- shijian.stream: analyse a file chunk by chunk (paragraphs or lines)
-- without holding it in memory.
--
--   for doc in sj.each_paragraph("news.txt") do
--     for _, ev in ipairs(doc.events) do print(ev.trigger.first, ev.trigger.text, ev.date) end
--   end
--
-- Each chunk is analysed on its own and yielded as an analysis table whose
-- positions (start, end, first, last, para) count in the WHOLE input, plus:
--   doc.text    the chunk's text (doc.text:sub(x.first - doc.offset, x.last - doc.offset)):
--               by paragraph, the piece `shijian tag` analyses: from the end of
--               the chunk before through a paragraph and the blank line after it
--   doc.offset  bytes of input before the chunk
--   doc.first, doc.last   the chunk's span in the input
--   doc.line    the input line (1-based) where the chunk's paragraph starts
--   doc.index   the chunk's number (1-based)
--   doc.ref     the reference the chunk was analysed with (nil if none)
--
-- Reference date: unless opts.ref is given, the first chunk whose reference
-- year the core infers (doc.ref_year ~= 0) fixes it for all later chunks.
local M = {}

local BLOCK = 65536
local DEFAULT_MAX = 524288

local function firstline(e) return (tostring(e):gsub("\n.*", "")) end

-- source -> read(): the next piece of input or nil; close() or nil
local function open_source(src, fname)
  local t = type(src)
  if t == "string" then
    local f, err = io.open(src, "rb")
    if not f then
      if src:find("\n", 1, true) or #src > 4096 then
        error("shijian." .. fname .. ": a path expected, got text (to stream a string, pass a reader: "
          .. "function() local s = text; text = nil; return s end)", 0)
      end
      error("shijian." .. fname .. ": cannot open " .. firstline(err), 0)
    end
    return function() return f:read(BLOCK) end, function() f:close() end
  elseif t == "function" then
    return src, nil
  elseif t == "table" or t == "userdata" then
    local ok, read = pcall(function() return src.read end)
    if ok and read then
      return function() return src:read(BLOCK) end, nil
    end
  end
  error("shijian." .. fname .. ": bad argument #1 (a path, a file or a reader function expected, got "
    .. t .. ")", 0)
end

-- read -> next_line(): the next line WITH its terminator, or nil at the end
local function line_reader(read)
  local buf, i, eof = "", 1, false
  return function()
    while true do
      local nl = buf:find("\n", i, true)
      if nl then
        local line = buf:sub(i, nl)
        i = nl + 1
        return line
      end
      if eof then
        if i <= #buf then
          local line = buf:sub(i)
          i = #buf + 1
          return line
        end
        return nil
      end
      local piece = read()
      if piece == nil or piece == "" then
        eof = true
      elseif type(piece) ~= "string" then
        error("shijian: the reader returned a " .. type(piece) .. ", not a string", 0)
      else
        buf = buf:sub(i) .. piece
        i = 1
      end
    end
  end
end

-- Blank lines and the cutting of long paragraphs are the core's (the
-- command and the Neovim plugin use the same definitions).
local core = require "shijian.core"
local blank, cut_piece = core.blank_line, core.cut_piece
local function strip_eol(s) return (s:gsub("\r?\n$", "")) end
local function count_nl(s, i, j)
  local n = 0
  for _ in s:sub(i, j):gmatch("\n") do n = n + 1 end
  return n
end

-- next_line -> next_chunk(): text, offset, line number; nil at the end
local function chunker(next_line, by, max)
  local pos, lineno = 0, 0
  if by == "line" then
    return function()
      while true do
        local l = next_line()
        if not l then return nil end
        lineno = lineno + 1
        local off = pos
        pos = pos + #l
        local body = strip_eol(l)
        if not blank(body) then return body, off, lineno end
      end
    end
  end
  -- Chunks are the command's pieces (shijian tag): from the end of the
  -- previous one through a paragraph and the first blank line after it
  -- (blank: sj.blank_line), at most max bytes (else cut by sj.cut_piece;
  -- `rest`, what a cut left, starts the next chunk), so both analyse the
  -- same texts.  A chunk of blank lines only is not yielded.
  local rest, rest_line
  local function one()
    local parts, size, off, line0 = {}, 0, pos, lineno + 1
    local content, first = false, nil
    if rest then
      parts[1], size, off, line0 = rest, #rest, pos - #rest, rest_line
      if not blank(rest) then content, first = true, rest_line end
      rest = nil
    end
    while size <= max do
      local l = next_line()
      if not l then break end
      lineno = lineno + 1
      pos = pos + #l
      parts[#parts + 1] = l
      size = size + #l
      if blank(l) then
        if content then break end
      elseif not content then
        content, first = true, lineno
      end
    end
    if not parts[1] then return nil end
    local text = table.concat(parts)
    if #text > max then
      local cut = cut_piece(text, max)
      rest, rest_line = text:sub(cut + 1), line0 + count_nl(text, 1, cut)
      text = text:sub(1, cut)
    end
    return text, off, first or line0
  end
  return function()
    while true do
      local text, off, line = one()
      if not text then return nil end
      if not blank(text) then return text, off, line end
    end
  end
end

local function shift_span(x, off)
  if x and x.first then
    x.first, x.last = x.first + off, x.last + off
    if x.start then x.start, x["end"] = x.start + off, x["end"] + off end
  end
end

--- shift(doc, offset, para_offset) -> doc
-- Adds offset to every position (start, end, first, last) of doc, its
-- events' triggers and sentences included, and para_offset to every para.
function M.shift(doc, off, poff)
  poff = poff or 0
  for _, key in ipairs { "tokens", "sentences", "clauses", "paragraphs", "mentions", "events" } do
    for _, x in ipairs(doc[key] or {}) do
      shift_span(x, off)
      if x.para then x.para = x.para + poff end
      if type(x.trigger) == "table" then shift_span(x.trigger, off) end
      shift_span(x.sentence, off)
    end
  end
  return doc
end

local OWN = { by = true, max_bytes = true, carry = true }

--- stream(model, src, opts, fname) -> iterator of docs (see the top)
-- src: a path, a file (anything with :read(n)) or a reader function that
-- returns successive pieces of the input and nil (or "") at the end.
-- opts: analysis options (ref, reference, want, hmm, rules, ...) plus
--   by = "paragraph" (default; blank lines separate) or "line",
--   max_bytes = 524288: a paragraph longer than this is cut as the command
--     cuts it (sj.cut_piece: at a line end, else a sentence stop, ...),
--   carry = false: do not carry the inferred reference year.
function M.stream(model, src, opts, fname)
  fname = fname or "stream"
  if opts ~= nil and type(opts) ~= "table" then
    error("shijian." .. fname .. ": options must be a table, got " .. type(opts), 0)
  end
  opts = opts or {}
  local by = opts.by or "paragraph"
  if by ~= "paragraph" and by ~= "line" then
    error("shijian." .. fname .. ": option 'by' must be \"paragraph\" or \"line\", got " .. tostring(by), 0)
  end
  local max = opts.max_bytes or DEFAULT_MAX
  if type(max) ~= "number" or max < 1 then
    error("shijian." .. fname .. ": option 'max_bytes' must be a positive number", 0)
  end
  local aopts = {}
  for k, v in pairs(opts) do if not OWN[k] then aopts[k] = v end end
  local ref = aopts.ref
  if ref == nil then ref = aopts.reference end
  aopts.reference = nil
  local carry = opts.carry ~= false
  -- check the analysis options now, not at the first chunk
  model:cut("", { ref = ref, hmm = aopts.hmm })

  local read, close = open_source(src, fname)
  local next_chunk = chunker(line_reader(read), by, max)
  local index, paras, done = 0, 0, false
  local function finish()
    if not done then
      done = true
      if close then close() end
    end
  end
  local function iter()
    if done then return nil end
    local ok, text, off, line = pcall(next_chunk)
    if not ok then finish(); error(text, 0) end
    if not text then finish(); return nil end
    aopts.ref = ref
    local ok2, doc = pcall(model.analyze, model, text, aopts)
    if not ok2 then finish(); error(doc, 0) end
    -- the reference the core used or inferred: a full date when the core
    -- reports one (doc.ref, "YYYY[-MM[-DD]]"), else the year
    local used = doc.ref
    if type(used) ~= "string" then used = (doc.ref_year or 0) > 0 and doc.ref_year or nil end
    if ref == nil and carry and used then ref = used end
    index = index + 1
    M.shift(doc, off, paras)
    paras = paras + #(doc.paragraphs or {})
    doc.text, doc.offset, doc.first, doc.last = text, off, off + 1, off + #text
    doc.line, doc.index = line, index
    doc.ref = aopts.ref or used
    return doc
  end
  if _VERSION >= "Lua 5.4" then
    -- a generic `for` closes this when the loop ends early (break, error)
    return iter, nil, nil, setmetatable({}, { __close = finish })
  end
  return iter
end

return M
