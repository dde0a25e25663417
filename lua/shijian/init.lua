--- shijian: Chinese news text in; words, sentences, times, actors, places,
-- names, quantities and CAMEO-typed events out.
--
--   local sj = require "shijian"
--   sj.cut("中俄两国空军实施联合空中战略巡航")   --> { "中俄", "两国", ... }
--   local doc = sj.analyze(text, { ref = "2020-12-31" })
--
-- Positions are 1-based and inclusive (text:sub(x.first, x.last)).
-- Functions raise errors on bad input; `sj.safe` has the same functions
-- returning nil, message instead.
local M = {}

local core -- loaded on first use
local function load_core()
  if not core then core = require "shijian.core" end
  return core
end

local default -- the shared default model, made on first use
local function model()
  if not default then default = load_core().new() end
  return default
end

--- A new, independent model.
-- opts.dict: path or list of paths of user dictionaries;
-- opts.words: list of words (strings or { word, freq, pos });
-- opts.ref: default reference date for this model's analyses.
function M.new(opts)
  local m = load_core().new()
  opts = opts or {}
  local dicts = opts.dict or opts.userdict
  if type(dicts) == "string" then dicts = { dicts } end
  for _, path in ipairs(dicts or {}) do m:load_dict(path) end
  for _, w in ipairs(opts.words or {}) do
    if type(w) == "table" then m:add_word(w[1], w[2], w[3]) else m:add_word(w) end
  end
  if opts.ref == nil then return m end
  -- a model with a default reference date: wrap the analysis methods
  local ref = opts.ref
  local wrapped = setmetatable({}, { __index = function(_, k)
    local f = m[k]
    if type(f) ~= "function" then return f end
    return function(self, text, o)
      if self ~= nil and rawequal(self, _) then self = m end
      if k == "analyze" or k == "tokens" or k == "cut" or k == "sentences" then
        o = o or {}
        if o.ref == nil then
          local c = {}
          for key, v in pairs(o) do c[key] = v end
          c.ref = ref
          o = c
        end
      end
      return f(m, text, o)
    end
  end, __tostring = function() return tostring(m) end })
  return wrapped
end

--- The shared default model (created on first use; costs microseconds).
function M.model() return model() end

function M.cut(text, opts) return model():cut(text, opts) end
function M.tokens(text, opts) return model():tokens(text, opts) end
function M.sentences(text, opts) return model():sentences(text, opts) end
function M.analyze(text, opts) return model():analyze(text, opts) end
function M.add_word(word, freq, pos) model():add_word(word, freq, pos); return true end
function M.load_dict(path) model():load_dict(path); return true end

local function mentions_of(kind, text, opts)
  local o = {}
  for k, v in pairs(opts or {}) do o[k] = v end
  o.want = "mentions"
  local out = {}
  for _, m in ipairs(model():analyze(text, o).mentions) do
    if m.kind == kind then out[#out + 1] = m end
  end
  return out
end

--- Time mentions of text (each with value, first, last).
function M.times(text, opts) return mentions_of("time", text, opts) end

--- Events of text.
function M.events(text, opts)
  local o = {}
  for k, v in pairs(opts or {}) do o[k] = v end
  o.want = "events"
  return model():analyze(text, o).events
end

M.version = function() return load_core().version end

--- The safe flavour: same functions, but nil, message on error.
M.safe = setmetatable({}, { __index = function(t, k)
  local f = M[k]
  if type(f) ~= "function" then return f end
  local g = function(...)
    local r = table.pack and table.pack(pcall(f, ...)) or { n = select("#", pcall(f, ...)), pcall(f, ...) }
    if not r[1] then return nil, (tostring(r[2]):gsub("^[^:]*:%d+: ", "")) end
    return (table.unpack or unpack)(r, 2, r.n)
  end
  rawset(t, k, g)
  return g
end })

return M
