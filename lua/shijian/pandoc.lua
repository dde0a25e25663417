--- shijian.pandoc — the logic of the Pandoc filter (filters/shijian.lua).
--
-- One pass over the document:
--   1. collect the text of every Para, Plain, Header, LineBlock line and
--      definition-list term (Str, Space, SoftBreak inside Emph, Strong, Link,
--      Span, Quoted ...; Code, Math, Raw, Note, Cite, Image are opaque);
--   2. join these runs with blank lines and analyse the whole document ONCE —
--      through the public Lua API (`require "shijian"`) when its C module
--      loads, otherwise with the `shijian tag` command through one
--      pandoc.pipe call (same text, same results);
--   3. rewrite the same runs, wrapping mentions and event triggers in Spans
--      (a mention that crosses formatting becomes one Span per piece), each
--      run's new inlines built in one pass over its pieces;
--   4. add the event table, `shijian-events` metadata and the JSON export.
--
-- Speed: every pandoc object made from Lua costs microseconds (a call into
-- Haskell), so the filter makes as few as it can: new text stays a Lua
-- string in the inline lists (pandoc reads it as a Str), a span of plain
-- text gets its content as a string, equal attributes, equal spans and
-- table cells are made once (an event's Attr once per kind, its id set per
-- span), metadata is plain Lua values, and the second pass does not re-read
-- the runs' text.  A run of one Str is marked up straight from its
-- mentions.  The analysis asks the API for mentions and events only (no
-- token tables).  docs/pandoc.md ("Speed") has the figures.
--
-- Options: metadata map `shijian:` (see docs/pandoc.md), overridden by
-- SHIJIAN_* environment variables.
local M = {}

M.MIN_PANDOC = { 2, 11 }
M.KINDS = { "time", "duration", "actor", "place", "name", "quantity", "event" }

---------------------------------------------------------------- utilities

local function stringify(v)
  if v == nil then return nil end
  local t = type(v)
  if t == "string" then return v end
  if t == "boolean" or t == "number" then return tostring(v) end
  return pandoc.utils.stringify(v)
end

local function truthy(v, default)
  if v == nil then return default end
  if type(v) == "boolean" then return v end
  local s = stringify(v):lower()
  if s == "" then return default end
  if s == "true" or s == "yes" or s == "on" or s == "1" then return true end
  if s == "false" or s == "no" or s == "off" or s == "0" then return false end
  return s -- "auto" and the like
end

local function split_list(s)
  local out = {}
  for w in s:gmatch("[^,%s;:]+") do out[#out + 1] = w end
  return out
end

local INLINE_TAG = {}
for _, t in ipairs { "Str", "Space", "SoftBreak", "LineBreak", "Emph", "Strong",
  "Underline", "Strikeout", "Superscript", "Subscript", "SmallCaps", "Quoted",
  "Cite", "Code", "Math", "RawInline", "Link", "Image", "Note", "Span" } do
  INLINE_TAG[t] = true
end

-- a metadata value as a list of strings: a YAML list, or "a, b c"
local function meta_list(v)
  if v == nil then return nil end
  if type(v) == "string" then return split_list(v) end
  if type(v) == "table" or type(v) == "userdata" then
    local tag = v.t or v.tag
    local first = v[1]
    local ftag = first ~= nil and (type(first) == "table" or type(first) == "userdata") and (first.t or first.tag)
    if tag == "MetaList" or (first ~= nil and not INLINE_TAG[ftag or ""]) then
      local out = {}
      for _, x in ipairs(v) do out[#out + 1] = stringify(x) end
      return out
    end
  end
  return split_list(stringify(v))
end

-- numbers as the CLI writes them: 50, not 50.0; otherwise the shortest of
-- %.15g, %.16g, %.17g that reads back to the same value (7.8, not
-- 7.7999999999999998); JSON has no NaN or infinity: "null"
local function numstr(v)
  if type(v) ~= "number" then return v ~= nil and tostring(v) or nil end
  if v ~= v or v - v ~= 0 then return "null" end
  if v == math.floor(v) and math.abs(v) < 2 ^ 53 then return string.format("%d", v) end
  local s
  for prec = 15, 17 do
    s = string.format("%." .. prec .. "g", v)
    if tonumber(s) == v then break end
  end
  return s
end


local function file_exists(p)
  local f = p and io.open(p, "rb")
  if f then f:close() return true end
  return false
end

--- Stop pandoc with one message (no Lua traceback).
function M.die(msg)
  io.stderr:write(msg, "\n")
  io.stderr:flush()
  os.exit(83)
end

local function warn(msg)
  io.stderr:write("[shijian] ", msg, "\n")
end

---------------------------------------------------------------- JSON

local json = {}

local escapes = { ['"'] = '\\"', ["\\"] = "\\\\", ["\b"] = "\\b", ["\f"] = "\\f",
  ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t" }
local function jstr(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    return escapes[c] or string.format("\\u%04x", c:byte())
  end) .. '"'
end

json.null = setmetatable({}, { __tostring = function() return "null" end })

--- An object with ordered keys: json.obj{ {"a", 1}, {"b", 2} }.
function json.obj(pairs_) return setmetatable({ pairs = pairs_ }, { __jsonobj = true }) end

function json.encode(v, ind)
  ind = ind or ""
  local t = type(v)
  if v == nil or v == json.null then return "null" end
  if t == "boolean" then return tostring(v) end
  if t == "number" then return numstr(v) end
  if t == "string" then return jstr(v) end
  local mt = getmetatable(v)
  local ind2 = ind .. "  "
  if mt and mt.__jsonobj then
    if #v.pairs == 0 then return "{}" end
    local parts = {}
    for _, kv in ipairs(v.pairs) do
      parts[#parts + 1] = ind2 .. jstr(kv[1]) .. ": " .. json.encode(kv[2], ind2)
    end
    return "{\n" .. table.concat(parts, ",\n") .. "\n" .. ind .. "}"
  end
  if #v == 0 then return "[]" end
  local parts, simple = {}, true
  for i, x in ipairs(v) do
    if type(x) == "table" then simple = false end
    parts[i] = json.encode(x, ind2)
  end
  if simple then return "[" .. table.concat(parts, ", ") .. "]" end
  for i = 1, #parts do parts[i] = ind2 .. parts[i] end
  return "[\n" .. table.concat(parts, ",\n") .. "\n" .. ind .. "]"
end

local function utf8char(cp)
  if utf8 and utf8.char then return utf8.char(cp) end
  if cp < 0x80 then return string.char(cp) end
  if cp < 0x800 then return string.char(0xC0 | (cp >> 6), 0x80 | (cp & 0x3F)) end
  if cp < 0x10000 then
    return string.char(0xE0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3F), 0x80 | (cp & 0x3F))
  end
  return string.char(0xF0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3F),
    0x80 | ((cp >> 6) & 0x3F), 0x80 | (cp & 0x3F))
end

--- Decode JSON text; null becomes nil (absent keys).
function json.decode(s)
  local pos = 1
  local function err(what) error("bad JSON from shijian (" .. what .. " at byte " .. pos .. ")", 0) end
  local function ws() pos = s:find("[^ \t\r\n]", pos) or #s + 1 end
  local value
  local function str()
    pos = pos + 1
    local out = {}
    while true do
      local a, b = s:find('["\\]', pos)
      if not a then err("unterminated string") end
      out[#out + 1] = s:sub(pos, a - 1)
      pos = b + 1
      if s:sub(a, a) == '"' then break end
      local c = s:sub(pos, pos)
      pos = pos + 1
      if c == "u" then
        local cp = tonumber(s:sub(pos, pos + 3), 16) or err("bad \\u escape")
        pos = pos + 4
        if cp >= 0xD800 and cp < 0xDC00 and s:sub(pos, pos + 1) == "\\u" then
          local lo = tonumber(s:sub(pos + 2, pos + 5), 16)
          if lo and lo >= 0xDC00 and lo < 0xE000 then
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00)
            pos = pos + 6
          end
        end
        out[#out + 1] = utf8char(cp)
      else
        local m = ({ b = "\b", f = "\f", n = "\n", r = "\r", t = "\t" })[c]
        out[#out + 1] = m or c
      end
    end
    return table.concat(out)
  end
  function value()
    ws()
    local c = s:sub(pos, pos)
    if c == "{" then
      pos = pos + 1
      local o = {}
      ws()
      if s:sub(pos, pos) == "}" then pos = pos + 1 return o end
      while true do
        ws()
        if s:sub(pos, pos) ~= '"' then err("object key expected") end
        local k = str()
        ws()
        if s:sub(pos, pos) ~= ":" then err("':' expected") end
        pos = pos + 1
        o[k] = value()
        ws()
        local d = s:sub(pos, pos)
        pos = pos + 1
        if d == "}" then return o end
        if d ~= "," then err("',' or '}' expected") end
      end
    elseif c == "[" then
      pos = pos + 1
      local a, n = {}, 0
      ws()
      if s:sub(pos, pos) == "]" then pos = pos + 1 return a end
      while true do
        n = n + 1
        a[n] = value()
        ws()
        local d = s:sub(pos, pos)
        pos = pos + 1
        if d == "]" then return a end
        if d ~= "," then err("',' or ']' expected") end
      end
    elseif c == '"' then
      return str()
    elseif s:find("^true", pos) then pos = pos + 4 return true
    elseif s:find("^false", pos) then pos = pos + 5 return false
    elseif s:find("^null", pos) then pos = pos + 4 return nil
    else
      local num = s:match("^-?%d+%.?%d*[eE]?[-+]?%d*", pos)
      if not num or num == "" then err("value expected") end
      pos = pos + #num
      return tonumber(num) or err("bad number")
    end
  end
  local v = value()
  ws()
  if pos <= #s then err("trailing text") end
  return v
end

M.json = json

---------------------------------------------------------------- options

local ENV = {
  ref = "SHIJIAN_REF", kinds = "SHIJIAN_KINDS", table = "SHIJIAN_TABLE",
  json = "SHIJIAN_JSON", ["east-asian-line-breaks"] = "SHIJIAN_EAST_ASIAN_LINE_BREAKS",
  ["custom-style"] = "SHIJIAN_CUSTOM_STYLE", css = "SHIJIAN_CSS", dict = "SHIJIAN_DICT",
  cli = "SHIJIAN_CLI", caption = "SHIJIAN_CAPTION", ["force-cli"] = "SHIJIAN_FORCE_CLI",
  verbose = "SHIJIAN_VERBOSE", ["heading-events"] = "SHIJIAN_HEADING_EVENTS",
}
M.ENV = ENV

local function is_html(fmt)
  fmt = fmt or ""
  return fmt:match("html") or fmt:match("epub") or fmt:match("revealjs") or fmt:match("slidy")
    or fmt:match("^s5") or fmt:match("dzslides") or fmt:match("slideous") or false
end
M.is_html = is_html

-- reference date from the document's `date` field: 2020-12-31, 2020年12月31日
local function date_ref(meta)
  local d = meta.date and stringify(meta.date)
  if not d then return nil end
  local y, m, dd = d:match("^%s*(%d%d%d%d)%-(%d%d?)%-(%d%d?)")
  if not y then y, m, dd = d:match("^%s*(%d%d%d%d)年(%d%d?)月(%d%d?)日") end
  if y then return string.format("%s-%02d-%02d", y, tonumber(m), tonumber(dd)) end
  y = d:match("^%s*(%d%d%d%d)%s*$") or d:match("^%s*(%d%d%d%d)年")
  return y
end

--- The options of a document: metadata `shijian:` map, then SHIJIAN_*.
function M.options(meta, env, fmt)
  env = env or os.getenv
  fmt = fmt or FORMAT or ""
  local raw = {}
  local map = meta.shijian
  if type(map) == "table" or type(map) == "userdata" then
    for k in pairs(ENV) do
      local v = map[k]
      if v == nil then v = map[(k:gsub("%-", "_"))] end
      if v ~= nil then raw[k] = v end
    end
  end
  for k, var in pairs(ENV) do
    local v = env(var)
    if v ~= nil and v ~= "" then raw[k] = v end
  end
  local o = {}
  o.ref = raw.ref and stringify(raw.ref) or date_ref(meta)
  if o.ref == "" or o.ref == "auto" then o.ref = nil end
  o.kinds = {}
  local kinds = raw.kinds and meta_list(raw.kinds) or M.KINDS
  for _, k in ipairs(kinds) do
    if k == "all" then for _, x in ipairs(M.KINDS) do o.kinds[x] = true end
    elseif k == "none" then o.kinds = {}
    else o.kinds[k] = true end
  end
  o.table = truthy(raw.table, true) ~= false
  o.json = raw.json and stringify(raw.json) or nil
  if o.json == "" or o.json == "false" then o.json = nil end
  local lang = meta.lang and stringify(meta.lang) or ""
  o.lang = lang
  local chinese = lang == "" or lang:match("^zh") or lang:match("^ja") or lang:match("^ko")
  local ea = truthy(raw["east-asian-line-breaks"], "auto")
  if ea == "auto" then ea = chinese and true or false end
  o.east_asian = ea and true or false
  local cs = truthy(raw["custom-style"], "auto")
  if cs == "auto" then cs = (fmt:match("docx") or fmt:match("odt")) and true or false end
  o.custom_style = cs and true or false
  o.html = is_html(fmt) and true or false
  local css = truthy(raw.css, "auto")
  o.css = css -- true/"auto" = the shipped stylesheet, false = none, other = a path
  o.dict = raw.dict and meta_list(raw.dict) or nil
  o.cli = raw.cli and stringify(raw.cli) or nil
  o.force_cli = truthy(raw["force-cli"], false) == true
  o.caption = raw.caption and stringify(raw.caption) or nil
  o.verbose = truthy(raw.verbose, false) == true
  o.heading_events = truthy(raw["heading-events"], false) == true
  return o
end

---------------------------------------------------------------- analysis

-- The module's tables and the command's JSON have one schema
-- (docs/schema.md): bytes [start, end) in both.  The filter's fields are
-- added to the tables themselves (s, e; an event's text, ss, se): a copy
-- of some 30,000 tables per MB of text costs more than the rest of the
-- step.  The filter reads only the fields it knows.
local function norm_mention(m)
  m.s, m.e = m.start, m["end"]
  m.approx = (m.approx == true) or nil
  return m
end

local function norm_event(ev)
  local trig = ev.trigger
  ev.kind, ev.text, ev.s, ev.e = "event", trig and trig.text, trig.start, trig["end"]
  local sent = ev.sentence
  if sent then ev.ss, ev.se = sent.start, sent["end"] end
  ev.sentence = nil
  ev.sources, ev.targets = ev.sources or {}, ev.targets or {}
  return ev
end

local function normalise(r)
  local out = { ref_year = r.ref_year, mentions = r.mentions or {}, events = r.events or {} }
  for _, m in ipairs(out.mentions) do norm_mention(m) end
  for _, ev in ipairs(out.events) do norm_event(ev) end
  return out
end

--- Analyse through the public Lua API (`require "shijian"`, as Lua scripts
--- do); nil, message when its C module cannot be loaded.
function M.analyze_module(text, o)
  local ok, core = pcall(require, "shijian.core")
  if not ok then return nil, (tostring(core):gsub("\n.*", "")) end
  local sj = require "shijian"
  local model = (o.dict and #o.dict > 0) and sj.new { dict = o.dict } or sj.model()
  local r = model:analyze(text, { ref = o.ref, want = "mentions,events" })
  return normalise(r)
end

--- Analyse with the `shijian tag` command (one pandoc.pipe call).
function M.analyze_cli(text, o, ctx)
  local cmd = o.cli
  if not cmd then
    local built = ctx and ctx.root and (ctx.root .. "/build/shijian")
    cmd = (built and file_exists(built)) and built or "shijian"
  end
  -- the whole document as one, as the module sees it
  local args = { "tag", "--whole" }
  if o.ref then args[#args + 1] = "--ref"; args[#args + 1] = o.ref end
  for _, d in ipairs(o.dict or {}) do args[#args + 1] = "--dict"; args[#args + 1] = d end
  local ok, out = pcall(pandoc.pipe, cmd, args, text)
  if not ok then
    local msg = type(out) == "table" and (out.output or out.error_code) or out
    return nil, "`" .. cmd .. " tag` failed: " .. tostring(msg):gsub("%s+$", "")
  end
  local okj, r = pcall(json.decode, out)
  if not okj then return nil, tostring(r) end
  return normalise(r)
end

--- Analyse text with the module, else the command; raise one clear error.
function M.analyze(text, o, ctx)
  local r, merr
  if not o.force_cli then
    local ok, res, e = pcall(M.analyze_module, text, o)
    if not ok then M.die("shijian.lua: analysis failed: " .. tostring(res):gsub("^[^:]*:%d+: ", "")) end
    r, merr = res, e
    if r then r.backend = "module" return r end
  else
    merr = "SHIJIAN_FORCE_CLI is set"
  end
  local cr, cerr = M.analyze_cli(text, o, ctx)
  if cr then cr.backend = "cli" return cr end
  M.die("shijian.lua: cannot analyse the document.\n" ..
    "  The C module shijian.core did not load for " .. _VERSION .. ": " .. tostring(merr) .. "\n" ..
    "  and the fallback command failed: " .. tostring(cerr) .. "\n" ..
    "  Run `make` in the shijian checkout (pandoc with " .. _VERSION .. " needs build/" ..
    ((type(jit) == "table") and "luajit" or ("lua" .. _VERSION:match("%d+%.%d+"))) ..
    "/shijian/core.so), or put the `shijian` command on PATH or in SHIJIAN_CLI.")
end

---------------------------------------------------------------- text runs

-- Runs are joined with a blank line: each block is a paragraph of its own
-- for the tagger (dates and actors do not leak from one into the next).
M.SEP = "\n\n"


local CONTAINER = { Emph = true, Strong = true, Underline = true, Strikeout = true,
  Superscript = true, Subscript = true, SmallCaps = true, Span = true, Link = true,
  Quoted = true }
-- what opaque inlines contribute to the analysed text
local OPAQUE = { Code = " ", Math = " ", Image = " ", RawInline = "", Note = "", Cite = "" }

local function quote_marks(el)
  local qt = el.quotetype
  qt = type(qt) == "string" and qt or tostring(qt)
  if qt:match("Single") then return "‘", "’" end
  return "“", "”"
end

local function first_cp(s)
  local c = s:byte(1)
  if not c then return nil end
  if c < 0x80 then return c end
  local n = c >= 0xF0 and 4 or c >= 0xE0 and 3 or 2
  local cp = c & (0xFF >> (n + 1))
  for i = 2, n do cp = (cp << 6) | ((s:byte(i) or 0x80) & 0x3F) end
  return cp
end

local function last_cp(s)
  local i = #s
  while i > 1 do
    local b = s:byte(i)
    if b < 0x80 or b >= 0xC0 then break end
    i = i - 1
  end
  return first_cp(s:sub(i))
end

--- Is code point cp East Asian (CJK ideographs, kana, hangul, fullwidth
-- forms, CJK punctuation, and the curly quotes / dashes Chinese uses)?
local function is_cjk(cp)
  if not cp then return false end
  return (cp >= 0x2E80 and cp <= 0x9FFF) or (cp >= 0xAC00 and cp <= 0xD7AF)
    or (cp >= 0xF900 and cp <= 0xFAFF) or (cp >= 0xFE30 and cp <= 0xFE4F)
    or (cp >= 0xFF00 and cp <= 0xFFEF) or (cp >= 0x20000 and cp <= 0x3FFFF)
    or (cp >= 0x2018 and cp <= 0x201F) or cp == 0x2014 or cp == 0x2026 or cp == 0x00B7
end
M.is_cjk = is_cjk

-- Flatten inlines into tokens: { k = "s"|"v"|"b", x = text }.
local function flatten(inls, out)
  for _, el in ipairs(inls) do
    local t = el.t or el.tag
    if t == "Str" then out[#out + 1] = { k = "s", x = el.text }
    elseif t == "Space" then out[#out + 1] = { k = "v", x = " " }
    elseif t == "SoftBreak" then out[#out + 1] = { k = "b", x = " " }
    elseif t == "LineBreak" then out[#out + 1] = { k = "v", x = "\n" }
    elseif CONTAINER[t] then
      if t == "Quoted" then
        local a, b = quote_marks(el)
        out[#out + 1] = { k = "q", x = a }
        flatten(el.content, out)
        out[#out + 1] = { k = "q", x = b }
      else
        flatten(el.content, out)
      end
    else
      if t == "Note" or t == "Cite" or t == "Image" then out.note = true end
      out[#out + 1] = { k = "v", x = OPAQUE[t] or "" }
    end
  end
  return out
end

--- The analysed text of an inline list, which SoftBreaks are dropped (by
-- their order among the list's SoftBreaks), and whether the list may hold a
-- Note (a Note, Cite or Image is in it).
function M.run_text(inls, o)
  if #inls == 1 then -- most runs of Chinese text: one Str
    local el = inls[1]
    if (el.t or el.tag) == "Str" then return el.text, {}, false end
  end
  local toks = flatten(inls, {})
  local drops, nb = {}, 0
  for i, tk in ipairs(toks) do
    if tk.k == "b" then
      nb = nb + 1
      if o.east_asian then
        local p, n = i - 1, i + 1
        while p >= 1 and toks[p].x == "" do p = p - 1 end
        while n <= #toks and toks[n].x == "" do n = n + 1 end
        local pt, nt = toks[p], toks[n]
        if pt and nt and (pt.k == "s" or pt.k == "q") and (nt.k == "s" or nt.k == "q")
          and is_cjk(last_cp(pt.x)) and is_cjk(first_cp(nt.x)) then
          drops[nb] = true
          tk.x = ""
        end
      end
    end
  end
  local parts = {}
  for i, tk in ipairs(toks) do parts[i] = tk.x end
  return table.concat(parts), drops, toks.note == true
end

---------------------------------------------------------------- markup

local KIND_STYLE = { time = "Time", duration = "Duration", actor = "Actor", place = "Place",
  name = "Name", quantity = "Quantity", event = "Event" }

local function join(list, sep)
  if not list or list[1] == nil then return "" end
  local simple = true -- strings only (country codes): no copy
  for _, x in ipairs(list) do
    if type(x) ~= "string" then simple = false; break end
  end
  if simple and #list == 1 then return list[1] end
  local out = list
  if not simple then
    out = {}
    for _, x in ipairs(list) do out[#out + 1] = tostring(x) end
  end
  return table.concat(out, sep or " ", 1, #out)
end

--- The tooltip text of a mention or event.
function M.tip(m)
  local k = m.kind
  if k == "time" or k == "duration" then
    return k .. ": " .. tostring(m.value or "?") .. (m.approx and " (approx.)" or "")
  elseif k == "actor" then
    local s = "actor: " .. join(m.codes, " ")
    if m.type then s = s .. " · " .. m.type end
    if m.org then s = s .. " · " .. m.org end
    return s
  elseif k == "place" then
    return "place" .. (m.country and (": " .. m.country) or "")
  elseif k == "name" then
    return "name" .. (m.class and (": " .. m.class) or "")
  elseif k == "quantity" then
    return "quantity: " .. (m.approx and "~" or "") .. (numstr(m.value) or "?") ..
      (m.unit and (" " .. m.unit) or "")
  elseif k == "event" then
    local s = "event " .. (m.cameo or "?") .. " " .. (m.label or "")
    if m.date then s = s .. " · " .. m.date end
    if #m.sources > 0 or #m.targets > 0 then
      local a, b = join(m.sources, ","), join(m.targets, ",")
      s = s .. " · " .. (a ~= "" and a or "?") .. " → " .. (b ~= "" and b or "?")
    end
    if m.place then s = s .. " · " .. m.place end
    if m.negated then s = s .. " · negated" end
    if m.future then s = s .. " · future" end
    if m.hypothetical then s = s .. " · hypothetical" end
    return s
  end
  return k
end

-- Attributes are pandoc objects, and making one costs far more than the Lua
-- around it: mentions with the same fields (most actors, places and names
-- recur) share one Attr, kept in o.attr_cache for the document.
local span_attr_new

-- the cache key of a mention's attributes: every field they are made of
-- (nil for an event, whose span has its id)
local function attr_key(m)
  local k = m.kind
  if k == "event" then return nil end
  -- by kind, the fields span_attr_new reads for it
  if k == "actor" then
    local codes = m.codes
    if codes then codes = #codes == 1 and tostring(codes[1]) or join(codes, " ") end
    return "a\0" .. (codes or "") .. "\0" .. (m.type or "") .. "\0" .. (m.org or "")
  elseif k == "place" then return "p\0" .. (m.country or "")
  elseif k == "name" then return "n\0" .. (m.class or "")
  end
  local v = m.value
  if type(v) ~= "string" then v = type(v) == "number" and numstr(v) or tostring(v) end
  if k == "time" or k == "duration" then return k .. "\0" .. v .. (m.approx and "\0~" or "\0") end
  if k == "quantity" then return "q\0" .. v .. (m.approx and "\0~\0" or "\0\0") .. (m.unit or "") end
  return k .. "\0" .. v .. "\0" .. (m.approx and "~" or "") .. "\0" .. (m.codes and join(m.codes, " ") or "") ..
    "\0" .. (m.type or "") .. "\0" .. (m.org or "") .. "\0" .. (m.country or "") .. "\0" ..
    (m.class or "") .. "\0" .. (m.unit or "")
end

-- the cache key of an event's attributes but its id (events recur less,
-- but an Attr costs ~10 us and setting the id of a made one ~1 us)
local function event_key(m)
  return "event\0" .. (m.cameo or "") .. "\0" .. (m.root or "") .. "\0" .. (m.label or "") ..
    "\0" .. (m.date or "") .. "\0" .. join(m.sources, " ") .. "\0" .. join(m.targets, " ") ..
    "\0" .. (m.place or "") .. "\0" .. (m.negated and "n" or "") .. (m.future and "f" or "") ..
    (m.hypothetical and "h" or "")
end

-- the Attr of a mention's span (an event's with its id when with_id), and
-- the cache key of a span of its text alone (nil for an event: its span
-- has an id, or is a piece of one)
local function span_attr(m, o, with_id)
  local cache = o.attr_cache
  if not cache then cache = {}; o.attr_cache = cache end
  local key = attr_key(m)
  if key then
    local a = cache[key]
    if not a then a = span_attr_new(m, o, false); cache[key] = a end
    return a, key
  end
  local ekey = event_key(m)
  local a = cache[ekey]
  if not a then a = span_attr_new(m, o, false); cache[ekey] = a end
  -- the id is read when the Span is made (pandoc.Span copies its Attr)
  if with_id and m.id then a.identifier = m.id; m.placed = true
  else a.identifier = "" end
  return a, nil
end

-- A span of one text without white space.  Mentions with the same
-- attributes and text (a country named again and again) share one Span
-- object: pandoc copies it where it is put, and nothing changes it.
local function text_span(m, text, o, with_id)
  local attr, key = span_attr(m, o, with_id)
  if not key then return pandoc.Span(text, attr) end
  local cache = o.span_cache
  if not cache then cache = {}; o.span_cache = cache end
  local by_text = cache[key]
  if not by_text then by_text = {}; cache[key] = by_text end
  local sp = by_text[text]
  if not sp then sp = pandoc.Span(text, attr); by_text[text] = sp end
  return sp
end

function span_attr_new(m, o, with_id)
  local classes = { "shijian", m.kind }
  local kv = {}
  local function add(k, v)
    if v == nil or v == false or v == "" then return end
    if v == true then v = "true" end
    kv[#kv + 1] = { o.html and ("data-" .. k) or k, tostring(v) }
  end
  local k = m.kind
  if k == "time" or k == "duration" then
    add("value", m.value); add("approx", m.approx)
  elseif k == "actor" then
    add("codes", join(m.codes, " ")); add("type", m.type); add("org", m.org)
  elseif k == "place" then
    add("country", m.country)
  elseif k == "name" then
    add("type", m.class)
  elseif k == "quantity" then
    add("value", numstr(m.value)); add("unit", m.unit); add("approx", m.approx)
  elseif k == "event" then
    add("cameo", m.cameo); add("root", m.root); add("label", m.label); add("date", m.date)
    add("sources", join(m.sources, " ")); add("targets", join(m.targets, " "))
    add("place", m.place)
    if m.negated then classes[#classes + 1] = "negated" end
    if m.future then classes[#classes + 1] = "future" end
    if m.hypothetical then classes[#classes + 1] = "hypothetical" end
  end
  kv[#kv + 1] = { "title", M.tip(m) }
  if o.custom_style then kv[#kv + 1] = { "custom-style", "Shijian " .. (KIND_STYLE[k] or k) } end
  local id = ""
  if with_id and m.id then id = m.id; m.placed = true end
  return pandoc.Attr(id, classes, kv)
end

-- Keep the mentions of one run that nest or are disjoint (a laminar family),
-- sorted by start, longer first. A mention that partly overlaps an earlier
-- kept one is dropped.
local function nest_before(a, b)
  if a.s ~= b.s then return a.s < b.s end
  if a.e ~= b.e then return a.e > b.e end
  if (a.kind == "event") ~= (b.kind == "event") then return a.kind == "event" end
  return (a.order or 0) < (b.order or 0)
end

function M.nest(ms)
  -- a run's mentions come sorted and its events after them: insertion sort
  -- (the order is total: `order` is unique where it decides)
  for i = 2, #ms do
    local x = ms[i]
    local j = i - 1
    while j >= 1 and nest_before(x, ms[j]) do ms[j + 1] = ms[j]; j = j - 1 end
    ms[j + 1] = x
  end
  local kept, stack = {}, {}
  for _, m in ipairs(ms) do
    if m.e > m.s then
      while #stack > 0 and stack[#stack].e <= m.s do stack[#stack] = nil end
      if #stack == 0 or m.e <= stack[#stack].e then
        kept[#kept + 1] = m
        stack[#stack + 1] = m
      end
    end
  end
  return kept
end

local function inside(p, m)
  if p.s < p.e then return m.s <= p.s and p.e <= m.e end
  return m.s < p.s and p.s < m.e
end

-- The marked-up inlines are built in one pass over the run's pieces. Text is
-- carried as Lua strings and becomes a pandoc Str only once, when it is
-- emitted: adjacent text (a Str cut at a mention boundary, or two Str that
-- were already side by side) is joined first, and an untouched Str is
-- emitted as the element it was. A span whose content is one piece of text
-- gets it as a string (pandoc makes the Str: the cheapest constructor).
-- Pieces: { s, e, x = text [, el = the Str it is all of] } or { s, e, el }.
local List = pandoc.List
local WS = "[ \t\r\n]"
local NONE = {} -- no mentions inside (never written to)

-- items: Str elements, other inlines and strings -> a List of inlines
local function inlines_of(items)
  for i = 1, #items do
    local x = items[i]
    if type(x) == "string" then items[i] = pandoc.Str(x) end
  end
  return List(items)
end

-- Wrap pieces in Spans for the mentions ms (laminar, sorted): the items
-- (inlines, and strings for new text) and whether anything changed.
local function wrap(pieces, ms, o)
  local tops, kids = {}, {}
  local j = 1
  while j <= #ms do
    local T = ms[j]
    local k, ks = j + 1, NONE
    while k <= #ms and ms[k].s < T.e do
      if ks == NONE then ks = {} end
      ks[#ks + 1] = ms[k]; k = k + 1
    end
    tops[#tops + 1] = T
    kids[#tops] = ks
    j = k
  end
  local out, n, changed = {}, 0, #tops > 0
  local buf, nb, one = {}, 0, nil -- pending text; `one`: its only piece's Str
  local function flush()
    if nb == 0 then return end
    n = n + 1
    if nb == 1 and one then out[n] = one
    else out[n] = table.concat(buf, "", 1, nb); changed = true end
    nb, one = 0, nil
  end
  local i, ti = 1, 1
  while i <= #pieces do
    local p = pieces[i]
    while ti <= #tops and tops[ti].e <= p.s do ti = ti + 1 end
    local T = tops[ti]
    if T and inside(p, T) then
      flush()
      local run, text = {}, #kids[ti] == 0
      while i <= #pieces and inside(pieces[i], T) do
        local q = pieces[i]
        run[#run + 1] = q
        if not q.x then text = false end
        i = i + 1
      end
      -- the usual case, text and no mention inside: one Span of a string
      if text then
        text = #run == 1 and run[1].x or nil
        if not text then
          local xs = {}
          for r = 1, #run do xs[r] = run[r].x end
          text = table.concat(xs)
        end
        if text:find(WS) then text = nil end
      end
      local content = text and { text } or wrap(run, kids[ti], o)
      local with_id = run[1].s <= T.s
      local c1 = content[1]
      if #content == 1 and type(c1) ~= "string" and (c1.t or c1.tag) == "Str" then c1 = c1.text end
      n = n + 1
      if #content == 1 and type(c1) == "string" and not c1:find(WS) then
        out[n] = text_span(T, c1, o, with_id)
      else
        -- pandoc makes a Str of each string of the list
        out[n] = pandoc.Span(content, (span_attr(T, o, with_id)))
      end
    else
      if p.x then
        nb = nb + 1
        buf[nb] = p.x
        one = nb == 1 and p.el or nil
        if not p.el then changed = true end
      else
        flush()
        n = n + 1
        out[n] = p.el
        if p.ch then changed = true end
      end
      i = i + 1
    end
  end
  flush()
  return out, changed
end

-- Rebuild an inline list as pieces with byte ranges, cutting Str at mention
-- boundaries and wrapping inside containers; also whether anything changed.
local function build(inls, st, ms, o)
  local pieces, np, changed = {}, 0, false
  for _, el in ipairs(inls) do
    local t = el.t or el.tag
    if t == "Str" then
      local s = st.pos
      local text = el.text
      local e = s + #text
      st.pos = e
      local cuts
      for _, m in ipairs(ms) do
        local a, b = m.s, m.e
        if a > s and a < e then cuts = cuts or {}; cuts[#cuts + 1] = a end
        if b > s and b < e then cuts = cuts or {}; cuts[#cuts + 1] = b end
      end
      if not cuts then
        np = np + 1
        pieces[np] = { s = s, e = e, x = text, el = el }
      else
        table.sort(cuts)
        local at = s
        for _, c in ipairs(cuts) do
          if c > at then
            np = np + 1
            pieces[np] = { s = at, e = c, x = text:sub(at - s + 1, c - s) }
            at = c
          end
        end
        np = np + 1
        pieces[np] = { s = at, e = e, x = text:sub(at - s + 1) }
      end
    elseif t == "SoftBreak" then
      st.nb = st.nb + 1
      if not st.drops[st.nb] then
        np = np + 1
        pieces[np] = { el = el, s = st.pos, e = st.pos + 1 }
        st.pos = st.pos + 1
      else
        changed = true
      end
    elseif t == "Space" or t == "LineBreak" then
      np = np + 1
      pieces[np] = { el = el, s = st.pos, e = st.pos + 1 }
      st.pos = st.pos + 1
    elseif CONTAINER[t] then
      local s = st.pos
      local qa, qb
      if t == "Quoted" then qa, qb = quote_marks(el); st.pos = st.pos + #qa end
      local inner, ich = build(el.content, st, ms, o)
      if qb then st.pos = st.pos + #qb end
      local e = st.pos
      local here = {}
      for _, m in ipairs(ms) do
        if m.s < e and s < m.e and not (m.s <= s and e <= m.e) then here[#here + 1] = m end
      end
      local content, wch = wrap(inner, here, o)
      local ch = ich or wch
      if ch then el.content = st.raw and content or inlines_of(content); changed = true end
      np = np + 1
      pieces[np] = { el = el, s = s, e = e, ch = ch }
    else
      local w = #(OPAQUE[t] or "")
      np = np + 1
      pieces[np] = { el = el, s = st.pos, e = st.pos + w }
      st.pos = st.pos + w
    end
  end
  return pieces, changed
end

--- Mark up one inline list given its mentions (byte offsets into its text):
--- the new inlines, and the byte length of the text they were read as.
function M.markup(inls, ms, drops, o)
  local st = { pos = 0, nb = 0, drops = drops or {} }
  local pieces = build(inls, st, ms, o)
  return inlines_of((wrap(pieces, ms, o))), st.pos
end

-- The marked-up inlines of a run that is one Str without white space (most
-- runs of Chinese text), straight from the mentions: text between them as
-- strings, a Span per mention; the same inlines as the general way below
-- (pieces, then wrap), without its tables.  ms: laminar, sorted (M.nest).
local function markup_str(text, ms, o)
  local function level(a, b, lo, hi) -- [a, b) holding ms[lo..hi]
    local out, n, pos, j = {}, 0, a, lo
    while j <= hi do
      local T = ms[j]
      local k = j + 1
      while k <= hi and ms[k].s < T.e do k = k + 1 end
      if T.s > pos then n = n + 1; out[n] = text:sub(pos + 1, T.s) end
      n = n + 1
      if k == j + 1 then out[n] = text_span(T, text:sub(T.s + 1, T.e), o, true)
      else out[n] = pandoc.Span(level(T.s, T.e, j + 1, k - 1), (span_attr(T, o, true))) end
      pos, j = T.e, k
    end
    if pos < b then n = n + 1; out[n] = text:sub(pos + 1, b) end
    return out
  end
  return level(0, #text, 1, #ms)
end
M.markup_str = markup_str -- tests

-- The same as a plain Lua table in which new text is a string (no Str made
-- from Lua: pandoc reads a string of an inline list as a Str when the list
-- is set as an element's content), for the filter's own rewrite.
local function markup_raw(inls, ms, drops, o)
  local st = { pos = 0, nb = 0, drops = drops or {}, raw = true }
  local pieces = build(inls, st, ms, o)
  return (wrap(pieces, ms, o)), st.pos
end

---------------------------------------------------------------- document

-- Walk every inline run of the blocks; fn(inlines, tag) returns new inlines
-- or nil (tag: the block's, for Para, Plain and Header runs), and, in the
-- first pass, whether the run may hold a Note (then its notes are counted). pandoc walks bottom-up, so the runs inside a Note are met before the
-- paragraph holding it, and definitions before their term. When on_block is
-- given, it is called after each block's own runs as on_block(n, counts):
-- n own runs, and counts[j] = the runs met before them that belong after
-- own run j (its notes; for a definition list also the definitions).
local walk_runs
local function count_runs(blocks)
  local n = 0
  walk_runs(blocks, function() n = n + 1 end)
  return n
end
local function has_note(inls)
  local found = false
  pandoc.walk_inline(pandoc.Span(inls), { Note = function() found = true end })
  return found
end
local function note_runs(inls)
  if not has_note(inls) then return 0 end
  return count_runs { pandoc.Plain(inls) } - 1
end

function walk_runs(blocks, fn, on_block, extra)
  local function simple(b)
    local inls = b.content
    local r, noted = fn(inls, b.t or b.tag)
    if on_block then on_block(1, { noted and note_runs(inls) or 0 }) end
    if r then b.content = r; return b end
  end
  local filter = {
    Para = simple, Plain = simple, Header = simple,
    LineBlock = function(b)
      local lines, changed, counts = b.content, false, {}
      for i = 1, #lines do
        local r, noted = fn(lines[i])
        if on_block then counts[i] = noted and note_runs(lines[i]) or 0 end
        if r then lines[i] = r; changed = true end
      end
      if on_block then on_block(#lines, counts) end
      if changed then b.content = lines; return b end
    end,
    DefinitionList = function(b)
      local items, changed, counts = b.content, false, {}
      for i = 1, #items do
        local item = items[i]
        local r, noted = fn(item[1])
        if on_block then
          local c = noted and note_runs(item[1]) or 0
          for _, def in ipairs(item[2]) do c = c + count_runs(def) end
          counts[i] = c
        end
        if r then item[1] = r; items[i] = item; changed = true end
      end
      if on_block then on_block(#items, counts) end
      if changed then b.content = items; return b end
    end,
  }
  for k, f in pairs(extra or {}) do filter[k] = f end
  return pandoc.walk_block(pandoc.Div(blocks), filter).content
end

-- Metadata as plain Lua values, which pandoc reads as MetaString (a
-- string), MetaBool (a boolean), MetaList (a pandoc.List) and MetaMap (a
-- table with string keys): the same values as pandoc.MetaString and the
-- like give, without a call into pandoc per value.
-- A document whose blocks are all paragraphs, headings and blocks without
-- text runs (code, raw, rules): its blocks, in which the walk meets the runs
-- in document order; nil for any other document.
local FLAT_BLOCK = { Para = true, Plain = true, Header = true, CodeBlock = true, RawBlock = true,
  HorizontalRule = true, Null = true }
local RUN_BLOCK = { Para = true, Plain = true, Header = true }
M.walk_always = false -- tests: read every document with the walk
local function flat_blocks(blocks)
  if M.walk_always then return nil end
  for _, b in ipairs(blocks) do
    if not FLAT_BLOCK[b.t or b.tag] then return nil end
  end
  return blocks
end

local function events_meta(events)
  local list = {}
  for _, ev in ipairs(events) do
    local function ml(l)
      for _, x in ipairs(l) do
        if type(x) ~= "string" then
          local out = {}
          for i, y in ipairs(l) do out[i] = tostring(y) end
          return List(out)
        end
      end
      return List(l) -- codes are strings: the list itself
    end
    list[#list + 1] = {
      id = ev.id, date = ev.date, trigger = ev.text, cameo = ev.cameo,
      root = ev.root, label = ev.label, sources = ml(ev.sources),
      targets = ml(ev.targets), place = ev.place, sentence = ev.sentence,
      negated = ev.negated and true or false,
      future = ev.future and true or false,
      hypothetical = ev.hypothetical and true or false,
    }
  end
  return List(list)
end

local function words(s)
  local out = {}
  for w in tostring(s):gmatch("%S+") do
    if #out > 0 then out[#out + 1] = pandoc.Space() end
    out[#out + 1] = pandoc.Str(w)
  end
  return out
end

--- The event table: a pandoc Table inside nothing (the caller wraps it).
function M.event_table(events, o)
  local zh = o.lang:match("^zh") ~= nil
  local heads = zh and { "日期", "事件", "CAMEO", "发起方", "对象", "地点" }
    or { "Date", "Event", "CAMEO", "Sources", "Targets", "Place" }
  local caption = o.caption or (zh and "事件表" or "Events")
  local function cell(inls) return { pandoc.Plain(inls) } end
  -- the cells of a text recur (dates, parties, places): one Plain each
  local cells = {}
  -- (a string cell is read by pandoc as a Plain of one Str: no Plain made
  -- from Lua; a text with white space would be cut into words)
  local function text_cell(s)
    if s == nil or s == "" then return {} end
    local c = cells[s]
    if not c then
      c = s:find(WS) and { pandoc.Plain(List { pandoc.Str(s) }) } or s
      cells[s] = c
    end
    return c
  end
  local cameos = {}
  local header = {}
  for i, h in ipairs(heads) do header[i] = text_cell(h) end
  local rows = {}
  for _, ev in ipairs(events) do
    local text = ev.text or ""
    local trig
    if ev.placed and text ~= "" and not text:find(WS) then
      trig = { pandoc.Link(text, "#" .. ev.id) } -- pandoc makes the Str
    elseif ev.placed then
      trig = { pandoc.Link(List { pandoc.Str(text) }, "#" .. ev.id) }
    else
      trig = { pandoc.Str(text) }
    end
    local flags = {}
    if ev.negated then flags[#flags + 1] = zh and "否定" or "negated" end
    if ev.future then flags[#flags + 1] = zh and "将来" or "future" end
    if ev.hypothetical then flags[#flags + 1] = zh and "假设" or "hypothetical" end
    if #flags > 0 then
      trig[#trig + 1] = pandoc.Space()
      trig[#trig + 1] = pandoc.Str("(" .. table.concat(flags, ", ") .. ")")
    end
    local ckey = (ev.cameo or "") .. "\0" .. (ev.label or "")
    local cameo = cameos[ckey]
    if not cameo then
      cameo = { pandoc.Str(ev.cameo or "") }
      if ev.label then
        cameo[#cameo + 1] = pandoc.Space()
        for _, x in ipairs(words(ev.label)) do cameo[#cameo + 1] = x end
      end
      cameo = cell(List(cameo))
      cameos[ckey] = cameo
    end
    rows[#rows + 1] = {
      -- a cell of one inline is read by pandoc as a Plain of it (a longer
      -- list would be a Plain per inline)
      text_cell(ev.date), #trig == 1 and trig or cell(List(trig)), cameo,
      text_cell(join(ev.sources, ", ")), text_cell(join(ev.targets, ", ")),
      text_cell(ev.place),
    }
  end
  local aligns, widths = {}, {}
  for i = 1, #heads do aligns[i] = pandoc.AlignDefault; widths[i] = 0 end
  local simple = pandoc.SimpleTable({ pandoc.Str(caption) }, aligns, widths, header, rows)
  return pandoc.utils.from_simple_table(simple)
end

--- The JSON export of an analysis (ordered keys, stable output).
function M.export(res, _o)
  local evs, mens = {}, {}
  for _, ev in ipairs(res.events) do
    evs[#evs + 1] = json.obj {
      { "id", ev.id }, { "date", ev.date or json.null }, { "trigger", ev.text },
      { "cameo", ev.cameo or json.null }, { "root", ev.root or json.null },
      { "label", ev.label or json.null }, { "sources", ev.sources }, { "targets", ev.targets },
      { "place", ev.place or json.null }, { "sentence", ev.sentence or json.null },
      { "negated", ev.negated and true or false }, { "future", ev.future and true or false },
      { "hypothetical", ev.hypothetical and true or false },
    }
  end
  for _, m in ipairs(res.mentions) do
    local p = { { "kind", m.kind }, { "text", m.text } }
    if m.value ~= nil then p[#p + 1] = { "value", m.value } end
    if m.approx then p[#p + 1] = { "approx", true } end
    if m.codes then p[#p + 1] = { "codes", m.codes } end
    if m.type then p[#p + 1] = { "type", m.type } end
    if m.org then p[#p + 1] = { "org", m.org } end
    if m.country then p[#p + 1] = { "country", m.country } end
    if m.class then p[#p + 1] = { "class", m.class } end
    if m.unit then p[#p + 1] = { "unit", m.unit } end
    mens[#mens + 1] = json.obj(p)
  end
  return json.encode(json.obj {
    { "ref_year", res.ref_year or json.null }, { "events", evs }, { "mentions", mens },
  }) .. "\n"
end

local function add_css(meta, o, ctx)
  if not o.html or o.css == false then return end
  local path = (o.css ~= true and o.css ~= "auto") and o.css or nil
  if not path then
    for _, p in ipairs { ctx.root and (ctx.root .. "/share/shijian.css"),
      ctx.here and (ctx.here .. "/shijian.css") } do
      if file_exists(p) then path = p break end
    end
  end
  local f = path and io.open(path, "rb")
  if not f then
    if o.css ~= true and o.css ~= "auto" then warn("cannot read CSS file " .. tostring(path)) end
    return
  end
  local css = f:read("a")
  f:close()
  local raw = pandoc.MetaBlocks { pandoc.RawBlock("html", "<style>\n" .. css .. "</style>") }
  local hi = meta["header-includes"]
  local list = {}
  if hi ~= nil then
    local tag = (type(hi) == "table" or type(hi) == "userdata") and (hi.t or hi.tag)
    if tag == "MetaList" then for _, x in ipairs(hi) do list[#list + 1] = x end
    else list[1] = hi end
  end
  list[#list + 1] = raw
  meta["header-includes"] = pandoc.MetaList(list)
end

--- The events without those of headings that name no party and no place
--- (`## 联合演习` titles a section, it reports nothing). run_of(s, e) gives
--- the text run of a span, with `heading` set for a Header's run.
function M.drop_heading_events(events, run_of)
  local out = {}
  for _, ev in ipairs(events) do
    local r = run_of(ev.s, ev.e)
    local bare = #(ev.sources or {}) == 0 and #(ev.targets or {}) == 0 and not ev.place
    if not (r and r.heading and bare) then out[#out + 1] = ev end
  end
  return out
end

--- Process a whole document.
function M.process(doc, ctx)
  ctx = ctx or {}
  -- Nearly all the filter allocates (the analysis, the runs, the spans)
  -- lives until it ends: a collection cycle every time the heap doubles
  -- traverses it again and again.  Let it grow to 4x before the next cycle
  -- (the setting is pandoc's Lua's, so it is put back at the end).
  local ok_gc, pause = pcall(collectgarbage, "setpause", 400)
  local doc2 = M.process_doc(doc, ctx)
  if ok_gc and pause then collectgarbage("setpause", pause) end
  return doc2
end

function M.process_doc(doc, ctx)
  local o = M.options(doc.meta)
  local clock, t0 = os.clock, os.clock()
  local function lap(what)
    if o.verbose then warn(string.format("%-8s %.3f s", what, clock() - t0)) end
    t0 = clock()
  end
  -- 1. collect the runs (in walk order), and put them in document order;
  -- a flat document is read from its list of blocks, and its runs are
  -- rewritten from what this pass read, without a walk
  local runs, order = {}, {}
  local has_div = false
  local flat = flat_blocks(doc.blocks)
  if flat then
    for _, b in ipairs(flat) do
      local tag = b.t or b.tag
      if RUN_BLOCK[tag] then
        local inls = b.content
        local text, drops, noted = M.run_text(inls, o)
        if noted then flat = nil; break end -- a Note: its runs come first
        local r = { text = text, drops = drops, ms = {}, heading = tag == "Header",
          block = b, inls = inls }
        runs[#runs + 1] = r
        order[#order + 1] = r
      end
    end
    if not flat then runs, order = {}, {} end
  end
  if not flat then walk_runs(doc.blocks, function(inls, tag)
    local text, drops, noted = M.run_text(inls, o)
    local r = { text = text, drops = drops, ms = {}, heading = tag == "Header" }
    runs[#runs + 1] = r
    order[#order + 1] = r
    return nil, noted
  end, function(n, counts)
    local total = 0
    for _, c in ipairs(counts) do total = total + c end
    if total == 0 then return end
    local own, notes = {}, {}
    for i = 1, n do own[i] = order[#order - n + i] end
    for i = 1, total do notes[i] = order[#order - n - total + i] end
    for _ = 1, n + total do order[#order] = nil end
    local ni = 1
    for j = 1, n do
      order[#order + 1] = own[j]
      for _ = 1, counts[j] do order[#order + 1] = notes[ni]; ni = ni + 1 end
    end
  end, { Div = function(d) if d.identifier == "shijian-events" then has_div = true end end }) end
  local parts, base = {}, 0
  for i, r in ipairs(order) do
    r.base = base
    parts[i] = r.text
    base = base + #r.text + #M.SEP
  end
  local all = table.concat(parts, M.SEP)
  M.last_text = all
  lap("collect")
  -- 2. analyse once
  local res = M.analyze(all, o, ctx)
  M.last = res
  lap("analyse")
  if o.verbose then
    warn(string.format("backend: %s (%s), %d runs, %d bytes, %d mentions, %d events, %s",
      res.backend, _VERSION, #order, #all, #res.mentions, #res.events,
      flat and "flat document (no walk)" or "walked"))
  end
  -- the run holding [s, e), nil when it crosses runs; mentions come in
  -- offset order, so the run of the last call or the next one is tried first
  local last = 1
  local function run_of(s, e)
    for j = last, last + 1 do
      local r = order[j]
      if r and s >= r.base and s < r.base + #r.text then
        last = j
        return (e <= r.base + #r.text) and r or nil
      end
    end
    local lo, hi = 1, #order
    while lo <= hi do
      local mid = (lo + hi) // 2
      local r = order[mid]
      if s < r.base then hi = mid - 1
      elseif s >= r.base + #r.text then lo = mid + 1
      else last = mid; return (e <= r.base + #r.text) and r or nil end
    end
  end
  if not o.heading_events then res.events = M.drop_heading_events(res.events, run_of) end
  table.sort(res.events, function(a, b) return a.s < b.s end)
  for i, ev in ipairs(res.events) do
    ev.id = "shijian-e" .. i
    -- the sentence without white space around it
    if ev.ss then
      local a, b = select(2, all:find("^%s*", ev.ss + 1)) + 1, ev.se
      while b >= a and all:find("^%s", b) do b = b - 1 end
      ev.sentence = all:sub(a, b)
    end
  end
  -- assign mentions (and event triggers) to runs; from here on their
  -- offsets count in their run's text
  local function place(m, i)
    local r = run_of(m.s, m.e)
    if r then
      m.s, m.e, m.order = m.s - r.base, m.e - r.base, i
      r.ms[#r.ms + 1] = m
    end
  end
  for i, m in ipairs(res.mentions) do if o.kinds[m.kind] then place(m, i) end end
  if o.kinds.event then for i, ev in ipairs(res.events) do place(ev, 10 ^ 6 + i) end end
  for _, r in ipairs(runs) do r.ms = M.nest(r.ms) end
  lap("assign")
  -- 3. rewrite
  local function rewrite(k, inls)
    local r = runs[k]
    if not r or (#r.ms == 0 and next(r.drops) == nil) then return nil end
    local el = #inls == 1 and inls[1]
    if el and (el.t or el.tag) == "Str" then
      local text = el.text
      if text == r.text and not text:find(WS) then return markup_str(text, r.ms, o) end
    end
    local out, len = markup_raw(inls, r.ms, r.drops, o)
    if len ~= #r.text then
      warn("text run " .. k .. " changed between passes; left unmarked")
      return nil
    end
    return out
  end
  if flat then
    for k, r in ipairs(runs) do
      local out = rewrite(k, r.inls)
      if out then r.block.content = out end
    end
    doc.blocks = flat
  else
    local k = 0
    doc.blocks = walk_runs(doc.blocks, function(inls)
      k = k + 1
      return rewrite(k, inls)
    end)
  end
  lap("markup")
  -- 4. outputs
  if o.table and #res.events > 0 then
    local tbl = M.event_table(res.events, o)
    lap("table")
    local found = false
    local function fill(d)
      if d.identifier == "shijian-events" and not found then
        found = true
        local c = d.content
        c[#c + 1] = tbl
        d.content = c
        return d
      end
    end
    if has_div then
      -- at the top level (the usual place) without walking the document
      local blocks = doc.blocks
      for i, b in ipairs(blocks) do
        if (b.t or b.tag) == "Div" and fill(b) then blocks[i] = b break end
      end
      if found then doc.blocks = blocks
      else doc.blocks = pandoc.walk_block(pandoc.Div(doc.blocks), { Div = fill }).content end
    end
    if not found then
      doc.blocks[#doc.blocks + 1] = pandoc.Div({ tbl }, pandoc.Attr("shijian-events", { "shijian-events" }))
    end
  end
  lap("place")
  doc.meta["shijian-events"] = events_meta(res.events)
  lap("meta")
  if o.json then
    local text = M.export(res, o)
    if o.json == "-" then
      io.stdout:write(text)
    else
      local f, err = io.open(o.json, "wb")
      if not f then M.die("shijian.lua: cannot write " .. o.json .. ": " .. tostring(err)) end
      f:write(text)
      f:close()
    end
  end
  add_css(doc.meta, o, ctx)
  lap("outputs")
  return doc
end

--- Stop with a clear message when pandoc is too old.
function M.check_version()
  local v = PANDOC_VERSION
  if v == nil then
    M.die("shijian.lua: this pandoc is too old (no PANDOC_VERSION); pandoc " ..
      table.concat(M.MIN_PANDOC, ".") .. " or newer is needed")
  end
  local major, minor = tonumber(v[1]) or 0, tonumber(v[2]) or 0
  if major < M.MIN_PANDOC[1] or (major == M.MIN_PANDOC[1] and minor < M.MIN_PANDOC[2]) then
    M.die("shijian.lua: pandoc " .. table.concat(M.MIN_PANDOC, ".") ..
      " or newer is needed; this is pandoc " .. tostring(v))
  end
end

--- The filter list for pandoc; ctx = { root = checkout root, here = filter dir }.
function M.filter(ctx)
  M.check_version()
  return { { Pandoc = function(doc) return M.process(doc, ctx) end } }
end

return M
