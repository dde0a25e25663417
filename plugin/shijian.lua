-- shijian.nvim entry point: the :Shijian command, <Plug> mappings and the
-- autocommands that attach to Chinese buffers. Everything else is required
-- lazily, on first use. No default key mappings; no globals besides the
-- load guard.
if vim.g.loaded_shijian or vim.fn.has("nvim-0.7") == 0 then return end
vim.g.loaded_shijian = true

local api = vim.api

api.nvim_create_user_command("Shijian", function(a)
  require("shijian.nvim").command(a.args)
end, {
  nargs = "?",
  desc = "shijian: enable|disable|toggle|events|info|reload",
  complete = function(arglead) return require("shijian.nvim").complete(arglead) end,
})

-- <Plug> mappings. Operator-pending ones are <Cmd> strings so that `.`
-- repeats them.
local M = 'lua require("shijian.nvim.motions")'
for _, m in ipairs({ "w", "b", "e", "ge" }) do
  for _, mode in ipairs({ "n", "x", "o" }) do
    vim.keymap.set(mode, "<Plug>(shijian-" .. m .. ")",
      ("<Cmd>%s.motion(%q, %q)<CR>"):format(M, m, mode),
      { silent = true, desc = "shijian: Chinese-aware " .. m })
  end
end
for _, k in ipairs({ "i", "a" }) do
  for _, mode in ipairs({ "x", "o" }) do
    vim.keymap.set(mode, "<Plug>(shijian-" .. k .. "w)",
      ("<Cmd>%s.textobj(%q, %q)<CR>"):format(M, k, mode),
      { silent = true, desc = "shijian: Chinese-aware " .. k .. "w" })
  end
end

local group = api.nvim_create_augroup("shijian", { clear = true })

-- Highlight groups (default links) are defined when the highlighter loads,
-- and again after every :colorscheme.
api.nvim_create_autocmd("ColorScheme", {
  group = group,
  callback = function()
    local h = package.loaded["shijian.nvim.highlight"]
    if h then h.define_groups() end
  end,
})

-- Attach when a buffer is read, created or gets a filetype. The callback
-- only loads the rest of the plugin for buffers whose filetype qualifies.
api.nvim_create_autocmd({ "BufReadPost", "BufNewFile", "FileType", "BufWinEnter" }, {
  group = group,
  callback = function(a)
    local o = vim.g.shijian
    if type(o) == "table" and o.auto_attach == false and not package.loaded["shijian.nvim"] then return end
    require("shijian.nvim")._auto(a.buf)
  end,
})

-- Tag what comes into view.
api.nvim_create_autocmd({ "WinScrolled", "VimResized" }, {
  group = group,
  callback = function()
    local h = package.loaded["shijian.nvim.highlight"]
    if h and next(h.states) then h.on_view_change() end
  end,
})
