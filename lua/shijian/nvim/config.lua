--- shijian.nvim configuration: defaults, merging, validation.
--
-- Options come from three layers, later ones winning:
--   the defaults below  <  vim.g.shijian (a table)  <  require("shijian.nvim").setup(opts)
-- Nothing here touches the editor.
local M = {}

M.defaults = {
  -- Attach automatically to buffers whose 'filetype' is listed ("*" = any
  -- filetype); "" stands for buffers without a filetype.
  auto_attach = true,
  filetypes = { "text", "markdown", "mail", "rst", "org", "asciidoc", "tex", "html", "pandoc", "" },
  -- Which kinds are highlighted (durations count as "time").
  kinds = { time = true, actor = true, place = true, name = true, quantity = true, event = true },
  -- Reference date for relative times ("2020-12-31" or a year such as 2020).
  -- nil: taken from the buffer's first lines (e.g. a "2020年" headline), else
  -- vim.b.shijian_ref; years stay unknown ("XXXX-06-24") if none is found.
  ref = nil,
  -- Virtual text after time expressions (normalised date) and event words
  -- (CAMEO code and label): false, true, or { time = bool, event = bool }.
  virtual_text = false,
  -- Milliseconds to wait after the last change before re-tagging.
  debounce = 120,
  -- User dictionaries (path or list of paths, jieba format "word [freq [pos]]")
  -- and extra words ({ "word", ... } or { { word, freq, pos }, ... }).
  dict = nil,
  words = nil,
  -- true: buffer-local w/b/e/ge (normal, visual, operator-pending) and iw/aw
  -- (visual, operator-pending) in attached buffers. A table chooses the keys,
  -- e.g. { w = "<leader>w", iw = "iW" }; a key set to false is not mapped.
  mappings = false,
  -- Robustness limits: bytes of one line that are analysed (the rest of a
  -- longer line is not highlighted); buffers with more lines than max_lines
  -- are tagged only where windows show them (no background pass).
  max_line_bytes = 30000,
  max_lines = 20000,
  -- Milliseconds of editor time one slice of background tagging may take.
  budget = 6,
  -- Extmark priority of the highlights.
  priority = 150,
}

local function is_list(t)
  return type(t) == "table" and (#t > 0 or next(t) == nil)
end

local function merge(base, over)
  if type(over) ~= "table" then return base end
  local out = {}
  for k, v in pairs(base) do out[k] = v end
  for k, v in pairs(over) do
    if type(v) == "table" and type(out[k]) == "table" and not is_list(v) and not is_list(out[k]) then
      out[k] = merge(out[k], v)
    else
      out[k] = v
    end
  end
  return out
end

local function copy(t)
  if type(t) ~= "table" then return t end
  local out = {}
  for k, v in pairs(t) do out[k] = copy(v) end
  return out
end

local setup_opts = nil -- what setup() was given
local current = nil    -- the merged result (cached)

--- Check an options table; returns a list of problems (strings).
function M.validate(o)
  local problems = {}
  local function want(name, ok, what)
    if not ok then problems[#problems + 1] = ("option %s: expected %s, got %s"):format(name, what, vim.inspect(o[name])) end
  end
  want("auto_attach", type(o.auto_attach) == "boolean", "a boolean")
  want("filetypes", type(o.filetypes) == "table", "a list of filetypes")
  want("kinds", type(o.kinds) == "table", "a table such as { time = true }")
  want("ref", o.ref == nil or type(o.ref) == "string" or type(o.ref) == "number", "nil, a date string or a year")
  want("virtual_text", type(o.virtual_text) == "boolean" or type(o.virtual_text) == "table", "a boolean or { time = bool, event = bool }")
  want("debounce", type(o.debounce) == "number" and o.debounce >= 0, "a number of milliseconds")
  want("dict", o.dict == nil or type(o.dict) == "string" or type(o.dict) == "table", "nil, a path or a list of paths")
  want("words", o.words == nil or type(o.words) == "table", "nil or a list of words")
  want("mappings", type(o.mappings) == "boolean" or type(o.mappings) == "table", "a boolean or a table")
  want("max_line_bytes", type(o.max_line_bytes) == "number" and o.max_line_bytes > 0, "a positive number")
  want("max_lines", type(o.max_lines) == "number" and o.max_lines >= 0, "a number")
  want("budget", type(o.budget) == "number" and o.budget > 0, "a positive number")
  want("priority", type(o.priority) == "number", "a number")
  return problems
end

--- The options in force (defaults < vim.g.shijian < setup()).
function M.get()
  if current then return current end
  local g = vim.g.shijian
  local o = merge(copy(M.defaults), type(g) == "table" and g or nil)
  o = merge(o, setup_opts)
  local problems = M.validate(o)
  if #problems > 0 then
    vim.notify("shijian: " .. table.concat(problems, "; ") .. " (using defaults for those)", vim.log.levels.WARN)
    for _, p in ipairs(problems) do
      local name = p:match("^option (%S+):")
      if name then o[name] = copy(M.defaults[name]) end
    end
  end
  current = o
  return o
end

--- Record setup() options (merged over earlier ones) and forget the cache.
function M.set(opts)
  setup_opts = merge(setup_opts or {}, opts or {})
  current = nil
  return M.get()
end

--- Forget cached options (e.g. after vim.g.shijian changed).
function M.refresh()
  current = nil
  return M.get()
end

--- Is virtual text wanted for kind ("time" or "event")?
function M.virt(o, kind)
  local v = o.virtual_text
  if type(v) == "table" then return v[kind] and true or false end
  return v == true
end

return M
