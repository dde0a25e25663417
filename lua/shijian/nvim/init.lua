--- shijian.nvim: highlight times, actors, places, names, quantities and
-- event words in Chinese news text; list events as a timeline; move by
-- Chinese words.
--
--   require("shijian.nvim").setup({ virtual_text = true })   -- optional
--   vim.g.shijian = { ref = "2020-12-31" }                   -- or this
--
-- See docs/nvim.md for the options and commands.
local api = vim.api
local config = require("shijian.nvim.config")

local M = {}

local function hl() return require("shijian.nvim.highlight") end

--- Configure (optional). opts override vim.g.shijian and the defaults.
function M.setup(opts)
  local before = config.get()
  local o = config.set(opts)
  local loader = require("shijian.nvim.loader")
  if not vim.deep_equal(before.dict, o.dict) or not vim.deep_equal(before.words, o.words) then
    loader.reset_model()
    require("shijian.nvim.motions").clear_cache()
  end
  local h = package.loaded["shijian.nvim.highlight"]
  if h then
    for buf in pairs(h.states) do
      require("shijian.nvim.motions").map_buffer(buf, o.mappings)
    end
    h.refresh_all()
  end
  if o.auto_attach then M.attach_loaded() end
  return o
end

--- Options in force.
function M.config() return config.get() end

-- Should buf be attached automatically?
local function wanted(buf)
  local o = config.get()
  if not o.auto_attach then return false end
  if not api.nvim_buf_is_valid(buf) or not api.nvim_buf_is_loaded(buf) then return false end
  local bo = vim.bo[buf]
  if bo.buftype ~= "" and bo.buftype ~= "acwrite" then return false end
  if bo.binary then return false end
  if vim.b[buf].shijian_disable == true then return false end
  local ft = bo.filetype
  for _, f in ipairs(o.filetypes) do
    if f == "*" or f == ft then return true end
  end
  return false
end

--- Attach buf (default: current) to highlighting. Returns true if attached.
-- force: attach regardless of 'filetype' (as :Shijian enable does).
function M.attach(buf, force)
  buf = (buf == nil or buf == 0) and api.nvim_get_current_buf() or buf
  if not force and not wanted(buf) then return false end
  local h = hl()
  if h.states[buf] then return true end
  -- the compiled module is loaded (or its absence reported) only when the
  -- buffer has CJK text to tag
  local ok = h.attach(buf)
  if ok then
    h.states[buf].forced = force and true or false
    require("shijian.nvim.motions").map_buffer(buf, config.get().mappings)
  end
  return ok
end

--- Stop highlighting buf and remove its marks.
function M.detach(buf)
  buf = (buf == nil or buf == 0) and api.nvim_get_current_buf() or buf
  local h = package.loaded["shijian.nvim.highlight"]
  if h then h.detach(buf) end
  local m = package.loaded["shijian.nvim.motions"]
  if m then m.unmap_buffer(buf) end
end

function M.is_attached(buf)
  buf = (buf == nil or buf == 0) and api.nvim_get_current_buf() or buf
  local h = package.loaded["shijian.nvim.highlight"]
  return h ~= nil and h.states[buf] ~= nil
end

--- Attach every loaded buffer that qualifies (after setup()).
function M.attach_loaded()
  for _, buf in ipairs(api.nvim_list_bufs()) do
    if api.nvim_buf_is_loaded(buf) and wanted(buf) then M.attach(buf) end
  end
end

--- Autocommand entry point (plugin/shijian.lua): cheap checks first.
-- A buffer attached automatically is detached again when its 'filetype'
-- changes to one that is not wanted (e.g. :enew then :setfiletype lua).
function M._auto(buf)
  if M.is_attached(buf) then
    local st = hl().states[buf]
    if not st.forced and not wanted(buf) then M.detach(buf) end
    return
  end
  if wanted(buf) then M.attach(buf) end
end

-- ---------------------------------------------------------------------------
-- :Shijian info

local function fmt_list(t)
  if type(t) ~= "table" or #t == 0 then return nil end
  local out = {}
  for i, v in ipairs(t) do out[i] = tostring(v) end
  return table.concat(out, ",")
end

--- What is under the cursor: a list of { kind, text, ... } (mentions and
-- events whose span covers the cursor), also echoed unless quiet.
function M.info(quiet)
  local buf = api.nvim_get_current_buf()
  local cur = api.nvim_win_get_cursor(0)
  local row, col = cur[1] - 1, cur[2]
  local h = hl()
  local loader = require("shijian.nvim.loader")
  local model, err = loader.model()
  if not model then
    if not quiet then vim.notify("shijian: " .. tostring(err), vim.log.levels.WARN) end
    return {}
  end
  local ps, _, lines = h.paragraph_at(buf, row)
  local found = {}
  if ps then
    local text, starts, lens = h.join(lines, config.get().max_line_bytes)
    local ok, doc = pcall(model.analyze, model, text, { ref = h.ref(buf) })
    if ok and doc then
      local function covers(x)
        local r1, c1, r2, c2 = h.span(starts, lens, x.first, x.last)
        r1, r2 = r1 + ps, r2 + ps
        if row < r1 or row > r2 then return false end
        if row == r1 and col < c1 then return false end
        if row == r2 and col >= c2 then return false end
        return true
      end
      for _, m in ipairs(doc.mentions or {}) do
        if covers(m) then
          local e = { kind = m.kind, text = m.text, value = m.value, codes = m.codes,
            type = m.type, class = m.class, org = m.org, unit = m.unit,
            country = m.country, approx = m.approx }
          found[#found + 1] = e
        end
      end
      for _, ev in ipairs(doc.events or {}) do
        if covers(ev.trigger) then
          found[#found + 1] = { kind = "event", text = ev.trigger.text, cameo = ev.cameo,
            label = ev.label, date = ev.date, sources = ev.sources, targets = ev.targets,
            place = ev.place, negated = ev.negated, future = ev.future, hypothetical = ev.hypothetical }
        end
      end
    end
  end
  if not quiet then
    if #found == 0 then
      api.nvim_echo({ { "shijian: nothing tagged under the cursor", "Comment" } }, false, {})
    else
      local chunks = {}
      for i, f in ipairs(found) do
        if i > 1 then chunks[#chunks + 1] = { "\n" } end
        local group = h.group_of[f.kind] or "Normal"
        chunks[#chunks + 1] = { f.kind, group }
        chunks[#chunks + 1] = { " " .. tostring(f.text or "") }
        local extra = {}
        if f.value ~= nil then extra[#extra + 1] = "value " .. tostring(f.value) end
        if f.approx then extra[#extra + 1] = "approx" end
        if fmt_list(f.codes) then extra[#extra + 1] = "codes " .. fmt_list(f.codes) end
        if f.type then extra[#extra + 1] = "type " .. tostring(f.type) end
        if f.class then extra[#extra + 1] = "class " .. tostring(f.class) end
        if f.unit then extra[#extra + 1] = "unit " .. tostring(f.unit) end
        if f.country then extra[#extra + 1] = "country " .. tostring(f.country) end
        if f.org then extra[#extra + 1] = "org " .. tostring(f.org) end
        if f.cameo then extra[#extra + 1] = "CAMEO " .. f.cameo .. " " .. (f.label or "") end
        if f.date then extra[#extra + 1] = "date " .. f.date end
        if fmt_list(f.sources) then extra[#extra + 1] = "sources " .. fmt_list(f.sources) end
        if fmt_list(f.targets) then extra[#extra + 1] = "targets " .. fmt_list(f.targets) end
        if f.place then extra[#extra + 1] = "place " .. f.place end
        if f.negated then extra[#extra + 1] = "negated" end
        if f.future then extra[#extra + 1] = "future" end
        if f.hypothetical then extra[#extra + 1] = "hypothetical" end
        if #extra > 0 then chunks[#chunks + 1] = { "  " .. table.concat(extra, " · "), "Comment" } end
      end
      api.nvim_echo(chunks, false, {})
    end
  end
  return found
end

-- ---------------------------------------------------------------------------
-- :Shijian

M.subcommands = {
  enable = function()
    local buf = api.nvim_get_current_buf()
    vim.b[buf].shijian_disable = nil
    if not M.attach(buf, true) then
      vim.notify("shijian: could not attach to this buffer", vim.log.levels.WARN)
    end
  end,
  disable = function()
    local buf = api.nvim_get_current_buf()
    vim.b[buf].shijian_disable = true
    M.detach(buf)
  end,
  toggle = function()
    if M.is_attached(0) then M.subcommands.disable() else M.subcommands.enable() end
  end,
  events = function()
    require("shijian.nvim.timeline").show(0, 0)
  end,
  info = function() M.info(false) end,
  reload = function()
    local loader = require("shijian.nvim.loader")
    config.refresh()
    loader.reset_model()
    require("shijian.nvim.motions").clear_cache()
    local model = loader.model()
    if model then
      hl().refresh_all()
      local err = loader.model_error()
      if not err then vim.notify("shijian: dictionaries reloaded", vim.log.levels.INFO) end
    end
  end,
}

function M.complete(arglead)
  local out = {}
  for name in pairs(M.subcommands) do
    if name:sub(1, #arglead) == arglead then out[#out + 1] = name end
  end
  table.sort(out)
  return out
end

function M.command(args)
  local sub = (args or ""):match("^%s*(%S*)")
  if sub == "" then sub = "toggle" end
  local f = M.subcommands[sub]
  if not f then
    vim.notify(("shijian: unknown subcommand %q (try: %s)"):format(sub,
      table.concat(M.complete(""), ", ")), vim.log.levels.ERROR)
    return
  end
  f()
end

return M
