--- shijian.rules: user rules written as LPeg patterns (or `re` strings).
--
--   local sj = require "shijian"
--   local units = sj.rule { kind = "unit", pattern = "%han^-6 ('舰' / '旅' / '团')" }
--   local drill = sj.rule { trigger = { "联演", "联训" }, cameo = "062", label = "joint drill" }
--   local doc = sj.analyze(text, { rules = { units, drill } })
--
-- A rule is either a MENTION rule (kind + pattern) or a TRIGGER rule
-- (trigger + cameo).  Rules run over the text after the core analysis; their
-- results merge with the core's mentions and events:
--
--   1. among rule results, higher `priority` wins, then the longer match,
--      then the rule given first, then the earlier position;
--   2. against the core, a rule result REPLACES the core mentions (or events)
--      it overlaps (rule `overlap = "replace"`, the default); with
--      `overlap = "yield"` it is dropped where it overlaps a core result;
--      with `overlap = "both"` both are kept;
--   3. everything is returned in offset order (first ascending, longer first).
--
-- Trigger rules' events get their date, sources, targets, place and flags
-- from the core's event stage, as built-in triggers do (the text is
-- analysed again with the hits as caller triggers); so they see the core's
-- mentions, not those of mention rules.
--
-- LPeg is required on first use (and `re` only for string patterns).
local M = {}

local type, error, pairs, ipairs, tostring, pcall, setmetatable, getmetatable =
  type, error, pairs, ipairs, tostring, pcall, setmetatable, getmetatable
local sort, floor, byte, sub = table.sort, math.floor, string.byte, string.sub
local unpack = table.unpack or unpack ---@diagnostic disable-line: deprecated

local lpeg, re -- loaded on first use

local function firstline(e) return (tostring(e):gsub("\n.*", "")) end

local function need_lpeg()
  if lpeg then return lpeg end
  local ok, l = pcall(require, "lpeg")
  if not ok or type(l) ~= "table" or type(l.match) ~= "function" then
    error("shijian: user rules need LPeg, which is not installed for " .. _VERSION
      .. " (apt install lua-lpeg, or luarocks install lpeg): " .. firstline(l), 0)
  end
  lpeg = l
  return l
end

local function need_re()
  if re then return re end
  need_lpeg()
  local ok, r = pcall(require, "re")
  if not ok or type(r) ~= "table" or type(r.compile) ~= "function" then
    error("shijian: rules written as strings need LPeg's `re` module, which did not load: "
      .. firstline(r) .. " (pass an LPeg pattern instead)", 0)
  end
  re = r
  return r
end

---------------------------------------------------------------------------
-- Character patterns, usable in LPeg code (sj.patterns) and as %name in `re`
-- strings.  LPeg matches bytes: a `re` class like [甲乙] is a class of BYTES,
-- so write Chinese alternatives as '甲' / '乙', or use these.
local patterns -- built on first use

local function literals(words)
  local L = lpeg
  local list = {}
  for i, w in ipairs(words) do list[i] = w end
  sort(list, function(a, b) return #a > #b end) -- longest first: PEG choice is ordered
  local p = L.P(list[1])
  for i = 2, #list do p = p + L.P(list[i]) end
  return p
end

local function build_patterns()
  local L = need_lpeg()
  local P, R = L.P, L.R
  local cont = R "\128\191"
  -- exactly the characters the core decodes (strict UTF-8)
  local char = R "\0\127" + R "\194\223" * cont
    + P "\224" * R "\160\191" * cont + R "\225\236" * cont * cont
    + P "\237" * R "\128\159" * cont + R "\238\239" * cont * cont
    + P "\240" * R "\144\191" * cont * cont + R "\241\243" * cont * cont * cont
    + P "\244" * R "\128\143" * cont * cont
  -- CJK unified ideographs U+4E00-9FFF and extension A U+3400-4DBF
  local han = (P "\227" * R "\144\191" + P "\228" * (R "\128\182" + R "\184\191")
    + R "\229\233" * cont) * cont
  local digit = R "09" + P "\239\188" * R "\144\153" -- and fullwidth ０-９
  local cnum = literals { "〇", "零", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九",
    "十", "百", "千", "万", "亿", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖", "拾", "佰", "仟" }
  local space = L.S " \t\r\n\f\v" + P "\227\128\128" -- and U+3000
  local punct = literals { "，", "。", "、", "；", "：", "？", "！", "“", "”", "‘", "’", "（", "）",
    "《", "》", "【", "】", "「", "」", "—", "…", "·", "－", "～" }
  patterns = {
    char = char,                                -- one valid UTF-8 character
    han = han,                                  -- one Chinese character
    digit = digit,                              -- 0-9, ０-９
    cnum = cnum,                                -- 〇零一二两…十百千万亿 (and 壹贰…)
    number = digit ^ 1 * (P "." * digit ^ 1) ^ -1 + cnum ^ 1,
    latin = R("az", "AZ"),
    space = space,
    punct = punct,                              -- Chinese punctuation
    step = char + P(1),                         -- one character or one bad byte
  }
  return patterns
end

--- patterns() -> the table of character patterns (requires LPeg)
function M.patterns() return patterns or build_patterns() end

--- words(list) -> an LPeg pattern matching any word of list, longest first
function M.words(list)
  need_lpeg()
  if type(list) ~= "table" or #list == 0 then
    error("shijian.words: a non-empty list of strings expected", 0)
  end
  for i, w in ipairs(list) do
    if type(w) ~= "string" or w == "" then
      error("shijian.words: word #" .. i .. " is not a non-empty string", 0)
    end
  end
  return literals(list)
end

---------------------------------------------------------------------------
-- Rules
local Rule = {}
Rule.__index = Rule
Rule.__tostring = function(r) return "shijian.rule (" .. r.name .. ")" end
M.Rule = Rule

local KNOWN = {
  kind = true, pattern = true, trigger = true, cameo = true, label = true, name = true,
  value = true, check = true, class = true, type = true, fields = true, priority = true,
  overlap = true, tokens = true, defs = true, sources = true, targets = true, joint = true,
}
local OVERLAP = { replace = true, yield = true, both = true }

local function quote(s)
  if #s > 60 then s = sub(s, 1, 57) .. "..." end
  return '"' .. s .. '"'
end

-- pattern, `re` string or list of words -> LPeg pattern; errors name the rule
local function compile(p, defs, where)
  local L = need_lpeg()
  local pat
  if type(p) == "string" then
    local R = need_re()
    local d = {}
    for k, v in pairs(M.patterns()) do d[k] = v end
    for k, v in pairs(defs or {}) do d[k] = v end
    local ok, res = pcall(R.compile, p, d)
    if not ok then
      error(where .. ": bad re pattern " .. quote(p) .. ": " .. firstline(res):gsub("^[^:]*:%d+: ", ""), 0)
    end
    pat = res
  elseif L.type(p) == "pattern" then
    pat = p
  elseif type(p) == "table" and getmetatable(p) == nil then
    if #p == 0 then error(where .. ": the word list is empty", 0) end
    for i, w in ipairs(p) do
      if type(w) ~= "string" or w == "" then
        error(where .. ": word #" .. i .. " of the list is not a non-empty string", 0)
      end
    end
    pat = literals(p)
  else
    error(where .. ": pattern must be an LPeg pattern, an re string or a list of words, got "
      .. (L.type(p) or type(p)), 0)
  end
  -- problems that would otherwise appear only at match time
  local ok, m = pcall(L.match, pat, "")
  if not ok then error(where .. ": pattern fails to run: " .. firstline(m), 0) end
  if m then error(where .. ": pattern matches the empty string (it must consume text)", 0) end
  ok, m = pcall(L.match, pat, "2020年6月24日，中国海军“银川舰”访问。")
  if not ok then error(where .. ": pattern fails to run: " .. firstline(m), 0) end
  return pat
end

--- rule(spec) -> a compiled Rule (a Rule is returned as is).
-- Errors (at creation, with a clear message) on a bad spec or pattern.
function M.rule(spec)
  if getmetatable(spec) == Rule then return spec end
  if type(spec) ~= "table" then
    error("shijian.rule: bad argument #1 (table expected, got " .. type(spec) .. ")", 0)
  end
  local L = need_lpeg()
  local is_trigger = spec.trigger ~= nil
  local name = spec.name
  if name ~= nil and type(name) ~= "string" then error("shijian.rule: 'name' must be a string", 0) end
  if not name then
    if is_trigger then name = "trigger " .. tostring(spec.cameo)
    else name = type(spec.kind) == "string" and spec.kind or "?" end
  end
  local where = "shijian.rule '" .. name .. "'"
  for k in pairs(spec) do
    if not KNOWN[k] then error(where .. ": unknown field '" .. tostring(k) .. "'", 0) end
  end
  local r = setmetatable({ name = name, priority = spec.priority or 0, overlap = spec.overlap or "replace",
    tokens = spec.tokens and true or false, value = spec.value, check = spec.check,
    fields = spec.fields, class = spec.class, type = spec.type }, Rule)
  if type(r.priority) ~= "number" then error(where .. ": 'priority' must be a number", 0) end
  if not OVERLAP[r.overlap] then
    error(where .. ": 'overlap' must be \"replace\", \"yield\" or \"both\", got " .. tostring(r.overlap), 0)
  end
  if r.check ~= nil and type(r.check) ~= "function" then error(where .. ": 'check' must be a function", 0) end
  if r.fields ~= nil and type(r.fields) ~= "table" then error(where .. ": 'fields' must be a table", 0) end
  if spec.defs ~= nil and type(spec.defs) ~= "table" then error(where .. ": 'defs' must be a table", 0) end
  if is_trigger then
    if spec.kind ~= nil or spec.pattern ~= nil then
      error(where .. ": a rule has either kind + pattern (a mention) or trigger + cameo (an event)", 0)
    end
    local c = spec.cameo
    if type(c) ~= "string" or not c:match "^%d%d%d?%d?$" then
      error(where .. ": 'cameo' must be a CAMEO code of 2 to 4 digits as a string (\"062\"), got "
        .. tostring(c), 0)
    end
    if spec.label ~= nil and type(spec.label) ~= "string" then error(where .. ": 'label' must be a string", 0) end
    for _, k in ipairs { "sources", "targets" } do
      if spec[k] ~= nil and type(spec[k]) ~= "table" then error(where .. ": '" .. k .. "' must be a list of codes", 0) end
    end
    if spec.value ~= nil then error(where .. ": trigger rules take 'check', not 'value'", 0) end
    r.event, r.cameo, r.label = true, c, spec.label
    r.sources, r.targets, r.joint = spec.sources, spec.targets, spec.joint and true or false
    r.pattern = compile(spec.trigger, spec.defs, where)
  else
    if type(spec.kind) ~= "string" or spec.kind == "" then
      error(where .. ": a mention rule needs 'kind' (a string such as \"unit\"); an event rule needs 'trigger' and 'cameo'", 0)
    end
    if spec.pattern == nil then error(where .. ": 'pattern' is missing", 0) end
    for _, k in ipairs { "cameo", "label", "sources", "targets", "joint" } do
      if spec[k] ~= nil then error(where .. ": '" .. k .. "' belongs to trigger rules", 0) end
    end
    r.kind = spec.kind
    r.pattern = compile(spec.pattern, spec.defs, where)
  end
  local Cp, Ct = L.Cp, L.Ct
  r.search = L.P { Cp() * Ct(r.pattern) * Cp() + M.patterns().step * L.V(1) }
  return r
end

-- does exclusive end position e fall inside a (valid) multi-byte character?
local decode
local function ends_mid_char(text, e)
  local b = byte(text, e)
  if not b or b < 0x80 or b > 0xBF then return false end
  for p = e - 1, e - 3, -1 do
    if p < 1 then return false end
    local c = byte(text, p)
    if c >= 0xC0 then
      local cp, len = decode(text, p)
      return cp ~= nil and p + len > e
    end
  end
  return false
end

-- raw hits of one rule: { first, last, captures }
local function scan(r, text, out)
  decode = decode or require("shijian.offsets").decode
  local match, n, init = lpeg.match, #text, 1
  while init <= n do
    local s, caps, e = match(r.search, text, init)
    if not s then break end
    if e > s and not ends_mid_char(text, e) then
      out[#out + 1] = { first = s, last = e - 1, caps = caps, rule = r }
      init = e
    else
      local _, len = decode(text, s)
      init = s + len
    end
  end
  return out
end

local function copy(t)
  if not t then return nil end
  local c = {}
  for k, v in pairs(t) do c[k] = v end
  return c
end

local APPROX = { time = true, duration = true, quantity = true }

-- a hit -> a mention table, or nil when the rule's value function rejects it
local function mention_of(h, text)
  local r = h.rule
  local m = { kind = r.kind, text = sub(text, h.first, h.last), start = h.first - 1, ["end"] = h.last,
    first = h.first, last = h.last, rule = r.name, class = r.class, type = r.type }
  if APPROX[r.kind] then m.approx = false end -- as the core's of that kind (docs/schema.md)
  local v, extra = r.value, nil
  if type(v) == "function" then
    local caps = h.caps
    local res = { pcall(v, m.text, unpack(caps, 1, #caps)) }
    if not res[1] then error("shijian: rule '" .. r.name .. "': value function failed: " .. tostring(res[2]), 0) end
    v, extra = res[2], res[3]
    if v == false then return nil end
  elseif v == nil then
    v = h.caps[1]
  end
  m.value = v
  for k, x in pairs(r.fields or {}) do m[k] = x end
  if type(extra) == "table" then for k, x in pairs(extra) do m[k] = x end end
  m.captures = h.caps
  return m
end

-- Trigger hits -> events, their arguments filled by the core's own event
-- stage (the same code as for built-in triggers): the text is analysed
-- again with the hits as caller triggers (`triggers` option of the C
-- analyze).  fill(triggers) returns that analysis.  The core takes
-- three-digit codes: a rule's 2- or 4-digit code is given to it as its
-- three-digit class (06 -> 060, 0621 -> 062) and restored on the event.
local function events_of(hits, text, fill)
  if not hits[1] then return {} end
  local trigs = {}
  for i, h in ipairs(hits) do
    local r = h.rule
    trigs[i] = { first = h.first, last = h.last, cameo = sub(r.cameo .. "0", 1, 3),
      label = r.label, joint = r.joint or nil }
  end
  local doc = fill(trigs)
  local by = {}
  for _, e in ipairs(doc.events or {}) do by[e.trigger.first .. ":" .. e.trigger.last] = e end
  local out = {}
  for i, h in ipairs(hits) do
    local r = h.rule
    local ev = by[h.first .. ":" .. h.last] or { trigger = { text = sub(text, h.first, h.last),
      start = h.first - 1, ["end"] = h.last, first = h.first, last = h.last },
      sources = {}, targets = {}, negated = false, future = false, hypothetical = false }
    ev.cameo, ev.root, ev.label = r.cameo, sub(r.cameo, 1, 2), r.label
    ev.rule, ev.captures = r.name, h.caps
    if r.sources then ev.sources = copy(r.sources) end
    if r.targets then ev.targets = copy(r.targets) end
    out[i] = ev
  end
  return out
end

-- keep the best hits that do not overlap one another (precedence rule 1)
local function resolve(hits)
  local order = {}
  for i, h in ipairs(hits) do order[i] = h end
  sort(order, function(a, b)
    if a.rule.priority ~= b.rule.priority then return a.rule.priority > b.rule.priority end
    local la, lb = a.last - a.first, b.last - b.first
    if la ~= lb then return la > lb end
    if a.index ~= b.index then return a.index < b.index end -- the rule's place in the set
    return a.first < b.first
  end)
  local kept = {} -- sorted by first, non-overlapping (so `last` is sorted too)
  for _, h in ipairs(order) do
    -- first kept span ending at or after h.first
    local lo, hi = 1, #kept + 1
    while lo < hi do
      local mid = floor((lo + hi) / 2)
      if kept[mid].last < h.first then lo = mid + 1 else hi = mid end
    end
    local k = kept[lo]
    if not (k and k.first <= h.last) then table.insert(kept, lo, h) end
  end
  return kept
end

local function overlaps_sorted(kept, first, last)
  local lo, hi = 1, #kept + 1
  while lo < hi do
    local mid = floor((lo + hi) / 2)
    if kept[mid].last < first then lo = mid + 1 else hi = mid end
  end
  local k = kept[lo]
  return k ~= nil and k.first <= last
end

-- a mention's span, or an event's trigger's (docs/schema.md)
local function span_of(x)
  local t = type(x.trigger) == "table" and x.trigger or x
  return t.first, t.last
end

-- merge rule results into the core's list (precedence rules 2 and 3)
local function merge(core, user)
  local replacing = {}
  for _, u in ipairs(user) do
    if u.rule_overlap == "replace" then
      local uf, ul = span_of(u)
      replacing[#replacing + 1] = { first = uf, last = ul }
    end
  end
  local out = {}
  for i, c in ipairs(core or {}) do
    local cf, cl = span_of(c)
    if not overlaps_sorted(replacing, cf, cl) then out[#out + 1] = { c, 0, i, cf, cl } end
  end
  for i, u in ipairs(user) do
    local drop = false
    local uf, ul = span_of(u)
    if u.rule_overlap == "yield" then
      for _, c in ipairs(core or {}) do
        local cf, cl = span_of(c)
        if cf <= ul and uf <= cl then drop = true; break end
      end
    end
    u.rule_overlap = nil
    if not drop then out[#out + 1] = { u, 1, i, uf, ul } end
  end
  sort(out, function(a, b)
    if a[4] ~= b[4] then return a[4] < b[4] end
    if a[5] ~= b[5] then return a[5] > b[5] end
    if a[2] ~= b[2] then return a[2] < b[2] end
    return a[3] < b[3]
  end)
  for i, e in ipairs(out) do out[i] = e[1] end
  return out
end

---------------------------------------------------------------------------
-- Rule sets
local RuleSet = {}
RuleSet.__index = RuleSet
RuleSet.__len = function(rs) return #rs.list end -- (5.2+; use rs:size() on LuaJIT)
RuleSet.__tostring = function(rs) return "shijian.rules (" .. #rs.list .. " rules)" end
M.RuleSet = RuleSet

local function is_spec(t) return t.kind ~= nil or t.trigger ~= nil or t.pattern ~= nil end

--- set(rules) -> a RuleSet.  rules: a Rule, a spec, a RuleSet, or a list of
-- any of these (nested lists and sets are flattened); nil gives an empty set.
function M.set(rules)
  local rs = setmetatable({ list = {} }, RuleSet)
  if rules ~= nil then rs:add(rules) end
  return rs
end

--- rs:add(rules) -> rs  (same arguments as set)
function RuleSet:add(x)
  if getmetatable(x) == RuleSet then
    for _, r in ipairs(x.list) do self:add(r) end
  elseif getmetatable(x) == Rule or (type(x) == "table" and getmetatable(x) == nil and is_spec(x)) then
    self.list[#self.list + 1] = M.rule(x)
  elseif type(x) == "table" and getmetatable(x) == nil then
    for i = 1, #x do self:add(x[i]) end
  else
    error("shijian.rules: a rule, a rule spec or a list of them expected, got " .. type(x), 0)
  end
  return self
end

--- rs:size() -> number of rules
function RuleSet:size() return #self.list end

--- rs:has_events() / rs:has_mentions() -> whether the set has rules of that sort
function RuleSet:has_events()
  for _, r in ipairs(self.list) do if r.event then return true end end
  return false
end
function RuleSet:has_mentions()
  for _, r in ipairs(self.list) do if not r.event then return true end end
  return false
end

local function collect(rs, text, events, doc, fill)
  local hits = {}
  local starts, ends
  for i, r in ipairs(rs.list) do
    if (r.event or false) == events then
      local raw = scan(r, text, {})
      if r.tokens then
        if not starts then
          starts, ends = {}, {}
          for _, t in ipairs(doc and doc.tokens or {}) do starts[t.first], ends[t.last] = true, true end
        end
        local j = 0
        for _, h in ipairs(raw) do
          if starts[h.first] and ends[h.last] then j = j + 1; raw[j] = h end
        end
        for k = j + 1, #raw do raw[k] = nil end
      end
      for _, h in ipairs(raw) do h.index = i; hits[#hits + 1] = h end
    end
  end
  local kept = resolve(hits)
  local evs = events and events_of(kept, text, fill)
  local out = {}
  for i, h in ipairs(kept) do
    local r = h.rule
    local x
    if events then x = evs[i] else x = mention_of(h, text) end
    if x and r.check then
      local ok, keep = pcall(r.check, x, text, doc)
      if not ok then error("shijian: rule '" .. r.name .. "': check function failed: " .. tostring(keep), 0) end
      if keep == false then x = nil end
    end
    if x then
      x.rule_overlap = r.overlap
      out[#out + 1] = x
    end
  end
  return out
end

local function check_text(text, fname)
  if type(text) ~= "string" then
    error("shijian.rules:" .. fname .. ": text must be a string, got " .. type(text), 0)
  end
end

-- the default filler: the shared default model, with doc's reference date
local function default_fill(text, doc)
  return function(trigs)
    local ref = doc and (doc.ref or (doc.ref_year ~= 0 and doc.ref_year) or nil) or nil
    return require("shijian").analyze(text, { triggers = trigs, ref = ref, rules = false })
  end
end

--- rs:match(text [, doc [, fill]]) -> mentions, events
-- The rule results alone (precedence among rules applied, not merged with
-- the core).  With doc (an analysis of text), `tokens` rules see token
-- boundaries.  Events get their sentence, date, actors, place and flags
-- from the core's event stage: fill(triggers) analyses text with the hits
-- as caller triggers (Model:analyze passes its model and options; by
-- default the shared model with doc's reference date).
function RuleSet:match(text, doc, fill)
  check_text(text, "match")
  local ms = collect(self, text, false, doc)
  for _, m in ipairs(ms) do m.rule_overlap = nil end
  local es = collect(self, text, true, doc, fill or default_fill(text, doc))
  for _, e in ipairs(es) do e.rule_overlap = nil end
  return ms, es
end

--- rs:apply(doc, text [, parts [, fill]]) -> doc
-- Merges the rule results into doc (an analysis of text), in place.
-- parts: { mentions = bool, events = bool } (default both); fill: as for
-- rs:match.
function RuleSet:apply(doc, text, parts, fill)
  check_text(text, "apply")
  if type(doc) ~= "table" then error("shijian.rules:apply: doc must be a table, got " .. type(doc), 0) end
  local want_m = not parts or parts.mentions
  local want_e = not parts or parts.events
  if want_m and self:has_mentions() then
    doc.mentions = merge(doc.mentions, collect(self, text, false, doc))
  end
  if want_e and self:has_events() then
    doc.events = merge(doc.events, collect(self, text, true, doc, fill or default_fill(text, doc)))
  end
  return doc
end

--- rule:match(text [, doc]) -> list of results of this one rule
function Rule:match(text, doc)
  local ms, es = M.set(self):match(text, doc)
  return self.event and es or ms
end

return M
