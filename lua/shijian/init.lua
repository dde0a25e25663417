--- shijian: Chinese news text in; words, sentences, times, actors, places,
-- names, quantities and CAMEO-typed events out.
--
--   local sj = require "shijian"
--   sj.cut("中俄两国空军实施联合空中战略巡航")   --> { "中俄", "两国", ... }
--   local doc = sj.analyze(text, { ref = "2020-12-31" })
--   for ev in sj.each_event(text) do print(ev.trigger.text, ev.cameo, ev.date) end
--   for doc in sj.each_paragraph("news.txt") do ... end     -- streaming
--   local m = sj.new { dict = "my.dict", reference = "2020", rules = { ... } }
--
-- Results have the fields of `shijian tag`'s JSON (docs/schema.md).  Positions
-- are bytes, both [start, end) as in JSON and 1-based inclusive first, last
-- (text:sub(x.first, x.last)); sj.offsets converts them to characters and
-- UTF-16 units.  Functions raise
-- errors on bad input; `sj.safe` has the same functions returning nil,
-- message instead.  docs/lua-api.md is the reference.
--
-- Submodules, each loaded on first use: shijian.core (the C binding),
-- shijian.rules (LPeg user rules), shijian.offsets, shijian.stream.
local M = {}

local type, pairs, ipairs, error, select, pcall, setmetatable, getmetatable, tostring =
  type, pairs, ipairs, error, select, pcall, setmetatable, getmetatable, tostring
local unpack = table.unpack or unpack ---@diagnostic disable-line: deprecated

local core -- the C module, loaded on first use
local function load_core()
  if not core then core = require "shijian.core" end
  return core
end

local function lazy(name) return function() return require("shijian." .. name) end end
local rules_mod, stream_mod = lazy "rules", lazy "stream"

---------------------------------------------------------------------------
-- Models: a Lua object around the C model, with default options and rules.
local Model = {}
Model.__index = Model
Model.__tostring = function(m) return tostring(m.core) end
Model.__close = function(m) m:close() end -- local m <close> = sj.new{} (Lua 5.4)
M.Model = Model

local default -- the shared default model, made on first use

-- Call a C method so that its error carries no position of this file:
-- messages read as the core wrote them ("bad argument #1 (...)").
local function pass(ok, ...)
  if ok then return ... end
  error((...), 0)
end
local function call(c, method, ...) return pass(pcall(c[method], c, ...)) end

local function check_self(self, name)
  if getmetatable(self) ~= Model then
    error("shijian: bad self for '" .. name .. "' (call it as model:" .. name .. "(...), got "
      .. type(self) .. ")", 0)
  end
end

local function to_set(r)
  local R = rules_mod()
  if getmetatable(r) == R.RuleSet then return r end
  return R.set(r)
end

-- call options -> options for the C model, and the rule set to apply
local function prepare(self, opts)
  local d, rs = self.defaults, self.ruleset
  if opts == nil then return d, rs end
  if type(opts) ~= "table" then
    error("shijian: options must be a table, got " .. type(opts), 0)
  end
  local r, reference = opts.rules, opts.reference
  if d == nil and r == nil and reference == nil then return opts, rs end
  local o = {}
  for k, v in pairs(opts) do o[k] = v end
  o.rules, o.reference = nil, nil
  if reference ~= nil then
    if o.ref ~= nil and o.ref ~= reference then
      error("shijian: options 'ref' and 'reference' (the same option) disagree", 0)
    end
    o.ref = reference
  end
  if d then for k, v in pairs(d) do if o[k] == nil then o[k] = v end end end
  if r == false then
    rs = nil
  elseif r ~= nil then
    local extra = to_set(r)
    if rs then rs = rules_mod().set { rs, extra } else rs = extra end
  end
  return o, rs
end

-- which rule results a `want` asks for (nil: none)
local function parts_of(want)
  if want == nil then return { mentions = true, events = true } end
  if type(want) ~= "string" then return nil end -- the core reports it
  local p = {}
  for w in want:gmatch "[^, ]+" do
    if w == "all" or w == "events" then p.mentions, p.events = true, true
    elseif w == "mentions" then p.mentions = true end
  end
  if p.mentions then return p end
  return nil
end

local function with(opts, key, value)
  if opts ~= nil and type(opts) ~= "table" then
    error("shijian: options must be a table, got " .. type(opts), 3)
  end
  local o = {}
  for k, v in pairs(opts or {}) do o[k] = v end
  o[key] = value
  return o
end

--- m:analyze(text [, opts]) -> doc (see README): tokens, sentences, clauses,
-- paragraphs, mentions, events, ref_year; rule results merged in.
function Model:analyze(text, opts)
  check_self(self, "analyze")
  local o, rs = prepare(self, opts)
  local parts = rs and rs.list[1] and parts_of(o and o.want)
  local want = o and o.want
  if parts and type(want) == "string" and not want:find("tokens") and not want:find("all") then
    -- the core lists only the parts `want` names; rules may read the tokens
    o = with(o, "want", want .. ",tokens")
  end
  local doc = call(self.core, "analyze", text, o)
  if parts then
    -- trigger rules' events are filled by this model with these options
    rs:apply(doc, text, parts, function(trigs)
      return call(self.core, "analyze", text, with(o, "triggers", trigs))
    end)
  end
  return doc
end

--- m:cut(text [, opts]) -> { word, ... }
function Model:cut(text, opts)
  check_self(self, "cut")
  return call(self.core, "cut", text, (prepare(self, opts)))
end

--- m:tokens(text [, opts]) -> { { text, start, end, first, last, pos }, ... }
function Model:tokens(text, opts)
  check_self(self, "tokens")
  return call(self.core, "tokens", text, (prepare(self, opts)))
end

--- m:sentences(text [, opts]) -> { { start, end, first, last, para }, ... }
function Model:sentences(text, opts)
  check_self(self, "sentences")
  return call(self.core, "sentences", text, (prepare(self, opts)))
end

--- m:mentions(text [, opts]) -> { mention, ... }; opts.kind: a kind or a
-- list of kinds to keep ("time", "actor", "place", "name", "quantity", or a
-- rule's kind).
function Model:mentions(text, opts)
  check_self(self, "mentions")
  if opts ~= nil and type(opts) ~= "table" then
    error("shijian: options must be a table, got " .. type(opts), 2)
  end
  local kind = opts and opts.kind
  local keep
  if type(kind) == "string" then keep = { [kind] = true }
  elseif type(kind) == "table" then
    keep = {}
    for _, k in ipairs(kind) do keep[k] = true end
  elseif kind ~= nil then
    error("shijian: option 'kind' must be a string or a list of strings, got " .. type(kind), 0)
  end
  local o = with(opts, "want", "mentions")
  o.kind = nil
  local all = self:analyze(text, o).mentions
  if not keep then return all end
  local out = {}
  for _, m in ipairs(all) do if keep[m.kind] then out[#out + 1] = m end end
  return out
end

--- m:times(text [, opts]) -> time mentions (value: ISO 8601)
function Model:times(text, opts) return self:mentions(text, with(opts, "kind", "time")) end

--- m:events(text [, opts]) -> { event, ... }
function Model:events(text, opts)
  check_self(self, "events")
  return self:analyze(text, with(opts, "want", "events")).events
end

local function each(list)
  local i = 0
  return function()
    i = i + 1
    local x = list[i]
    if x ~= nil then return x, i end
  end
end

--- m:each_token(text [, opts]) -> iterator of token, index
function Model:each_token(text, opts) return each(self:tokens(text, opts)) end
--- m:each_mention(text [, opts]) -> iterator of mention, index (opts.kind as in mentions)
function Model:each_mention(text, opts) return each(self:mentions(text, opts)) end
--- m:each_event(text [, opts]) -> iterator of event, index
function Model:each_event(text, opts) return each(self:events(text, opts)) end
--- m:each_sentence(text [, opts]) -> iterator of sentence ({ start, end, first, last, para, text }), index
function Model:each_sentence(text, opts)
  local list = self:sentences(text, opts)
  for _, s in ipairs(list) do s.text = text:sub(s.first, s.last) end
  return each(list)
end

--- m:stream(src [, opts]) -> iterator of chunk analyses (see shijian.stream)
function Model:stream(src, opts)
  check_self(self, "stream")
  return stream_mod().stream(self, src, opts, "stream")
end
--- m:each_paragraph(src [, opts]) -> stream(src) by paragraph (blank lines separate)
function Model:each_paragraph(src, opts)
  check_self(self, "each_paragraph")
  return stream_mod().stream(self, src, with(opts, "by", "paragraph"), "each_paragraph")
end
--- m:each_line(src [, opts]) -> stream(src) line by line (blank lines skipped)
function Model:each_line(src, opts)
  check_self(self, "each_line")
  return stream_mod().stream(self, src, with(opts, "by", "line"), "each_line")
end

--- m:add_word(word [, freq [, pos]]) -> m
function Model:add_word(word, freq, pos)
  check_self(self, "add_word")
  call(self.core, "add_word", word, freq, pos)
  return self
end
--- m:load_dict(path) -> m  (all or nothing; errors name file and line)
function Model:load_dict(path)
  check_self(self, "load_dict")
  call(self.core, "load_dict", path)
  return self
end
--- m:load_dict_string(text [, name]) -> m
function Model:load_dict_string(text, name)
  check_self(self, "load_dict_string")
  call(self.core, "load_dict_string", text, name)
  return self
end
--- m:lookup(word) -> freq, pos  or nil
function Model:lookup(word)
  check_self(self, "lookup")
  return call(self.core, "lookup", word)
end
--- m:user_words() -> number of user words
function Model:user_words()
  check_self(self, "user_words")
  return call(self.core, "user_words")
end

--- m:add_rule(rule_or_rules) -> m  (not on the shared default model)
function Model:add_rule(r)
  check_self(self, "add_rule")
  if self.shared then
    error("shijian: the shared default model takes no rules (its users would all see them); "
      .. "use sj.new{ rules = ... } or the 'rules' option of a call", 0)
  end
  local R = rules_mod()
  if self.ruleset then self.ruleset:add(r) else self.ruleset = R.set(r) end
  return self
end

--- m:close() -> frees the model now (the garbage collector does it otherwise)
function Model:close()
  check_self(self, "close")
  call(self.core, "close")
  if self == default then default = nil end
end

local function model()
  if not default then
    default = setmetatable({ core = load_core().new(), shared = true }, Model)
  end
  return default
end

--- The shared default model (created on first use; costs microseconds).
function M.model() return model() end

local NEW_OPTS = {
  dict = true, userdict = true, words = true, ref = true, reference = true,
  rules = true, hmm = true, split_measures = true, vague = true, script = true,
}

--- A new, independent model.
-- opts.dict, opts.userdict: a path or a list of paths of user dictionaries;
-- opts.words: a list of words (strings or { word, freq, pos });
-- opts.ref (alias opts.reference), opts.hmm, opts.split_measures, opts.vague, opts.script: defaults
-- for this model's analyses; opts.rules: user rules applied by analyze.
function M.new(opts)
  if opts ~= nil and type(opts) ~= "table" then
    error("shijian.new: options must be a table, got " .. type(opts), 0)
  end
  opts = opts or {}
  for k in pairs(opts) do
    if not NEW_OPTS[k] then error("shijian.new: unknown option '" .. tostring(k) .. "'", 0) end
  end
  local ref = opts.ref
  if opts.reference ~= nil then
    if ref ~= nil and ref ~= opts.reference then
      error("shijian.new: options 'ref' and 'reference' (the same option) disagree", 0)
    end
    ref = opts.reference
  end
  local c = load_core().new()
  local m = setmetatable({ core = c }, Model)
  local ok, err = pcall(function()
    for _, key in ipairs { "dict", "userdict" } do
      local d = opts[key]
      if type(d) == "string" then d = { d } end
      if d ~= nil and type(d) ~= "table" then
        error("shijian.new: option '" .. key .. "' must be a path or a list of paths", 0)
      end
      for _, path in ipairs(d or {}) do call(c, "load_dict", path) end
    end
    if opts.words ~= nil and type(opts.words) ~= "table" then
      error("shijian.new: option 'words' must be a list", 0)
    end
    for _, w in ipairs(opts.words or {}) do
      if type(w) == "table" then call(c, "add_word", w[1], w[2], w[3]) else call(c, "add_word", w) end
    end
    if ref ~= nil or opts.hmm ~= nil or opts.split_measures ~= nil or opts.vague ~= nil
        or opts.script ~= nil then
      m.defaults = { ref = ref, hmm = opts.hmm, split_measures = opts.split_measures,
        vague = opts.vague, script = opts.script }
      call(c, "cut", "", m.defaults) -- bad defaults fail here, not at the first analysis
    end
    if opts.rules ~= nil then m.ruleset = to_set(opts.rules) end
  end)
  if not ok then
    c:close()
    error(err, 0)
  end
  return m
end

---------------------------------------------------------------------------
-- The same functions on the default model.
for _, name in ipairs { "cut", "tokens", "sentences", "analyze", "mentions", "times", "events",
  "each_token", "each_mention", "each_event", "each_sentence", "stream", "each_paragraph",
  "each_line" } do
  local f = Model[name]
  M[name] = function(...) return f(model(), ...) end
end
function M.add_word(word, freq, pos) model():add_word(word, freq, pos); return true end
function M.load_dict(path) model():load_dict(path); return true end

--- User rules (shijian.rules; LPeg is loaded on first use).
function M.rule(spec) return rules_mod().rule(spec) end
function M.rules(list) return rules_mod().set(list) end
function M.words(list) return rules_mod().words(list) end

M.version = function() return load_core().version end

--- The core's one definition of paragraphs, pieces and reference dates,
--- shared with the command and the Neovim plugin (docs/lua-api.md).
-- sj.blank_line(line) -> true when the line is only white space (U+3000 too):
--   a blank line ends a paragraph.
-- sj.cut_piece(text, max) -> bytes of text's first piece when at most max
--   bytes are analysed at once (#text when it fits).
-- sj.parse_date(s) -> year, month, day (0 when absent) or nil, message.
function M.blank_line(line) return load_core().blank_line(line) end
function M.cut_piece(text, max) return load_core().cut_piece(text, max) end
function M.parse_date(s) return load_core().parse_date(s) end

--- Neovim users who write require("shijian").setup(opts) mean the plugin:
--- forwarded to shijian.nvim.  Outside Neovim, an error that names it.
function M.setup(opts)
  if type(rawget(_G, "vim")) ~= "table" then
    error("shijian.setup() configures the Neovim plugin (require('shijian.nvim').setup(opts)); " ..
      "it is not available outside Neovim", 2)
  end
  return require("shijian.nvim").setup(opts)
end

-- sj.offsets and sj.patterns load on first use
setmetatable(M, { __index = function(t, k)
  if k == "offsets" then
    local o = require "shijian.offsets"
    rawset(t, k, o)
    return o
  elseif k == "patterns" then
    local p = rules_mod().patterns()
    rawset(t, k, p)
    return p
  end
end })

local function pack(...) return { n = select("#", ...), ... } end

--- The safe flavour: same functions, but nil, message on error.
M.safe = setmetatable({}, { __index = function(t, k)
  local f = M[k]
  if type(f) ~= "function" then return f end
  local g = function(...)
    local r = pack(pcall(f, ...))
    if not r[1] then return nil, (tostring(r[2]):gsub("^[^:]*:%d+: ", "")) end
    return unpack(r, 2, r.n)
  end
  rawset(t, k, g)
  return g
end })

return M
