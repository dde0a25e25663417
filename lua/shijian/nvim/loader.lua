--- shijian.nvim loader: finds the compiled module next to the plugin and
-- keeps the model (default, or one with the user's dictionaries).
--
-- The C module is built by `make` into <plugin root>/build/luajit/shijian/core.so
-- (LuaJIT ABI, Neovim's). We add that directory to package.cpath ourselves, so no
-- LUA_CPATH setup is needed. A missing module is reported once, in plain words.
local M = {}

local sep = package.config:sub(1, 1)

--- The plugin's root directory (the one holding lua/, plugin/, build/).
function M.root()
  if M._root then return M._root end
  local src = debug.getinfo(1, "S").source
  src = src:gsub("^@", "")
  -- .../lua/shijian/nvim/loader.lua -> ...
  local root = src:gsub("[/\\]lua[/\\]shijian[/\\]nvim[/\\]loader%.lua$", "")
  if root == src then root = vim.fn.fnamemodify(src, ":p:h:h:h:h") end
  M._root = vim.fn.fnamemodify(root, ":p"):gsub("[/\\]$", "")
  return M._root
end

--- Where the LuaJIT build of the C module should be.
function M.so_path()
  local ext = (vim.fn.has("win32") == 1) and "dll" or "so"
  return table.concat({ M.root(), "build", "luajit", "shijian", "core." .. ext }, sep)
end

local function add_cpath()
  local ext = (vim.fn.has("win32") == 1) and "dll" or "so"
  local entry = table.concat({ M.root(), "build", "luajit", "?." .. ext }, sep)
  if not package.cpath:find(entry, 1, true) then
    package.cpath = entry .. ";" .. package.cpath
  end
end

local lib, lib_err, warned = nil, nil, false

--- The `shijian` Lua module, or nil and a message if the C part is missing.
function M.lib()
  if lib then return lib end
  if lib_err then return nil, lib_err end
  add_cpath()
  local ok, mod = pcall(require, "shijian")
  if ok then
    local ok2, err = pcall(function() return mod.model() end)
    if ok2 then
      lib = mod
      return lib
    end
    mod = err
    package.loaded["shijian"] = nil
  end
  lib_err = tostring(mod)
  return nil, lib_err
end

--- Like lib(), but tells the user (once per session) when it is missing.
function M.lib_or_warn()
  local l, err = M.lib()
  if l then return l end
  if not warned then
    warned = true
    local msg = ("shijian: the compiled part is missing, so nothing is highlighted. "
      .. "Run `make` in %s (it builds %s), then restart Neovim. "
      .. ":checkhealth shijian has details."):format(M.root(), M.so_path())
    vim.schedule(function() vim.notify(msg, vim.log.levels.WARN) end)
  end
  return nil, err
end

local model, model_err = nil, nil

--- The model used by the plugin: the shared default, or a model with the
-- user dictionaries / words from the options. nil, message on failure.
function M.model()
  if model then return model end
  local l, err = M.lib_or_warn()
  if not l then return nil, err end
  local o = require("shijian.nvim.config").get()
  local dicts = o.dict
  if type(dicts) == "string" then dicts = { dicts } end
  if (dicts and #dicts > 0) or (o.words and #o.words > 0) then
    local expanded = {}
    for i, p in ipairs(dicts or {}) do expanded[i] = vim.fn.expand(p) end
    local ok, m = pcall(l.new, { dict = expanded, words = o.words })
    if ok then
      model = m
    else
      model_err = tostring(m)
      vim.schedule(function()
        vim.notify("shijian: could not load the user dictionaries: " .. model_err
          .. " (using the built-in lexicon)", vim.log.levels.WARN)
      end)
      model = l.model()
    end
  else
    model = l.model()
  end
  return model
end

--- Last error from loading user dictionaries (nil if none).
function M.model_error() return model_err end

--- Drop the model so that the next use rebuilds it (user dictionaries).
function M.reset_model()
  if model and lib and model ~= lib.model() and model.close then pcall(model.close, model) end
  model, model_err = nil, nil
end

return M
