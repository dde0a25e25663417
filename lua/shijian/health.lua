--- :checkhealth shijian — works on Neovim 0.7 (require("health").report_*)
-- and 0.10+ (vim.health.ok etc.).
local M = {}

local function reporter()
  local h = vim.health
  if h and h.ok then
    return { start = h.start, ok = h.ok, warn = h.warn, error = h.error, info = h.info }
  end
  h = require("health")
  return { start = h.report_start, ok = h.report_ok, warn = h.report_warn,
    error = h.report_error, info = h.report_info }
end

function M.check()
  local r = reporter()
  r.start("shijian: Neovim")
  if vim.fn.has("nvim-0.7") == 1 then
    r.ok("Neovim " .. tostring(vim.version and (function()
      local v = vim.version()
      return ("%d.%d.%d"):format(v.major, v.minor, v.patch)
    end)() or "?"))
  else
    r.error("Neovim 0.7 or newer is needed")
  end
  if jit then
    r.ok("Lua: " .. tostring(jit.version))
  else
    r.warn("Neovim is not built with LuaJIT (" .. _VERSION .. "); the module in build/luajit "
      .. "uses the Lua 5.1 ABI and usually loads anyway")
  end

  r.start("shijian: compiled module")
  local loader = require("shijian.nvim.loader")
  local so = loader.so_path()
  r.info("plugin root: " .. loader.root())
  if (vim.uv or vim.loop).fs_stat(so) then
    r.ok("found " .. so)
  else
    r.error("missing " .. so, {
      "Build it: cd " .. loader.root() .. " && make",
      "It needs a C compiler and the LuaJIT headers (Debian/Ubuntu: apt install build-essential libluajit-5.1-dev).",
      "With lazy.nvim: { \"shijian\", build = \"make\" } runs it for you on install and update.",
      "Then restart Neovim.",
    })
  end
  local lib, err = loader.lib()
  if lib then
    r.ok("require(\"shijian\") works (core " .. tostring(lib.version and lib.version() or "?") .. ")")
    local t0 = (vim.uv or vim.loop).hrtime()
    local ok, words = pcall(lib.cut, "中俄两国空军实施联合空中战略巡航")
    local ms = ((vim.uv or vim.loop).hrtime() - t0) / 1e6
    if ok and type(words) == "table" and #words > 1 then
      r.ok(("segmenter: %s (%.2f ms)"):format(table.concat(words, " / "), ms))
    else
      r.error("segmenter failed: " .. tostring(words))
    end
    local ok2, doc = pcall(lib.analyze, "6月24日，中国国防部长访问俄罗斯。", { ref = 2020 })
    if ok2 and doc then
      local kinds = {}
      for _, m in ipairs(doc.mentions or {}) do kinds[#kinds + 1] = m.kind .. " " .. m.text end
      for _, e in ipairs(doc.events or {}) do kinds[#kinds + 1] = "event " .. e.trigger.text .. " (" .. tostring(e.cameo) .. ")" end
      if #kinds > 0 then
        r.ok("tagger: " .. table.concat(kinds, ", "))
      else
        r.warn("tagger found nothing in a test sentence (an old build? run make)")
      end
    else
      r.error("analysis failed: " .. tostring(doc))
    end
  else
    r.error("require(\"shijian\") failed: " .. tostring(err), { "Run make in " .. loader.root() })
  end

  r.start("shijian: configuration")
  local config = require("shijian.nvim.config")
  local o = config.get()
  local problems = config.validate(o)
  if #problems == 0 then r.ok("options are valid") else
    for _, p in ipairs(problems) do r.warn(p) end
  end
  local fts = {}
  for i, ft in ipairs(o.filetypes) do fts[i] = ft == "" and '"" (none)' or ft end
  r.info("filetypes: " .. table.concat(fts, ", ")
    .. "; auto_attach: " .. tostring(o.auto_attach)
    .. "; ref: " .. tostring(o.ref or "from the text")
    .. "; debounce: " .. tostring(o.debounce) .. " ms")
  local dicts = o.dict
  if type(dicts) == "string" then dicts = { dicts } end
  for _, p in ipairs(dicts or {}) do
    local path = vim.fn.expand(p)
    if vim.fn.filereadable(path) == 1 then r.ok("user dictionary " .. path)
    else r.error("user dictionary not readable: " .. path) end
  end
  if lib then
    local m = loader.model()
    local merr = loader.model_error()
    if merr then r.error("user dictionaries: " .. merr) elseif m then r.ok("model ready") end
  end
  local h = package.loaded["shijian.nvim.highlight"]
  local n = 0
  if h then for _ in pairs(h.states) do n = n + 1 end end
  r.info(("attached buffers: %d"):format(n))
  local hlmod = require("shijian.nvim.highlight") -- defines the groups
  local names = {}
  for group in pairs(hlmod.links) do names[#names + 1] = group end
  table.sort(names)
  local missing = {}
  for _, g in ipairs(names) do
    if vim.fn.hlexists(g) == 0 then missing[#missing + 1] = g end
  end
  if #missing == 0 then r.ok("highlight groups: " .. table.concat(names, ", "))
  else r.warn("highlight groups missing: " .. table.concat(missing, ", ")) end
end

return M
