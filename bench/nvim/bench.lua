-- Editor-thread cost of the shijian Neovim plugin (run by bench/nvim/bench.sh).
--   1. first full highlight of the visible window (attach + synchronous update)
--   2. one incremental update after a one-character edit, 10,000-line buffer
-- Times are taken with vim.loop.hrtime() around the synchronous work.
local root = os.getenv("SHIJIAN_ROOT")
vim.opt.runtimepath:prepend(root)
vim.opt.swapfile = false
vim.cmd("runtime plugin/shijian.lua")
vim.o.lines, vim.o.columns = 52, 160
local api, uv = vim.api, vim.loop
local out = io.stdout
local function say(...) out:write(string.format(...), "\n"); out:flush() end

local hl = require("shijian.nvim.highlight")
local plugin = require("shijian.nvim")
if not require("shijian.nvim.loader").lib() then
  say("bench-nvim: build/luajit/shijian/core.so missing — run make")
  vim.cmd("cquit 1")
end

-- news text: the shared sample if present, else the spec fixture
local src = root .. "/../shared/corpus/pla-intl-cooperation-2020.txt"
local f = io.open(src, "rb")
local what = "shared sample"
if not f then f = io.open(root .. "/spec/nvim/fixtures/news.txt", "rb"); what = "spec fixture" end
local text = f:read("*a"); f:close()
local base = {}
for l in (text .. "\n"):gmatch("(.-)\r?\n") do base[#base + 1] = l end
local lines = {}
while #lines < 10000 do
  for _, l in ipairs(base) do
    if #lines < 10000 then lines[#lines + 1] = l end
  end
end
local bytes = 0
for _, l in ipairs(lines) do bytes = bytes + #l + 1 end

local function stats(t)
  table.sort(t)
  local function q(p) return t[math.max(1, math.ceil(#t * p))] end
  return ("median %.2f ms, p90 %.2f ms, max %.2f ms (n=%d)"):format(q(0.5), q(0.9), t[#t], #t)
end

local function new_buf()
  vim.cmd("enew!")
  local buf = api.nvim_get_current_buf()
  api.nvim_buf_set_lines(buf, 0, -1, false, lines)
  return buf
end

say("bench-nvim: Neovim %s, 10,000-line buffer (%.1f MB of %s), window %d rows",
  tostring(vim.version and (vim.version().major .. "." .. vim.version().minor .. "." .. vim.version().patch) or "?"),
  bytes / 1e6, what, api.nvim_win_get_height(0))

-- warm up (loads the module, JIT)
do
  local buf = new_buf()
  hl.attach(buf); hl.update(buf); hl.detach(buf)
end

-- 1. first highlight of the visible window, at several places in the buffer
local first = {}
for i = 1, 20 do
  local buf = new_buf()
  local top = 1 + math.floor((i - 1) * 9900 / 20)
  api.nvim_win_set_cursor(0, { top, 0 })
  vim.cmd("normal! zt")
  local t0 = uv.hrtime()
  hl.attach(buf)
  hl.update(buf)
  first[#first + 1] = (uv.hrtime() - t0) / 1e6
  hl.detach(buf)
  vim.cmd("bwipeout! " .. buf)
end
say("first highlight of the visible window : %s   (target <= 20 ms)", stats(first))

-- 2. incremental: one-character edits in the visible window
local buf = new_buf()
api.nvim_win_set_cursor(0, { 5000, 0 })
vim.cmd("normal! zz")
hl.attach(buf)
hl.update(buf)
local top = vim.fn.line("w0")
local bot = vim.fn.line("w$")
local inc, cb = {}, {}
for i = 1, 200 do
  local row = top - 1 + (i * 7) % (bot - top + 1)
  local l = api.nvim_buf_get_lines(buf, row, row + 1, false)[1]
  if #l > 0 then
    local col = 0
    -- a character boundary in the middle of the line
    local mid = math.floor(#l / 2)
    for k = mid, #l do
      local b = l:byte(k + 1)
      if not b or b < 0x80 or b >= 0xC0 then col = k; break end
    end
    local t0 = uv.hrtime()
    api.nvim_buf_set_text(buf, row, col, row, col, { (i % 2 == 0) and "的" or "x" })
    cb[#cb + 1] = (uv.hrtime() - t0) / 1e6 -- includes Neovim's own edit + our on_lines
    t0 = uv.hrtime()
    hl.update(buf) -- what the debounce timer runs
    inc[#inc + 1] = (uv.hrtime() - t0) / 1e6
  end
end
say("incremental update after a 1-char edit: %s   (target <= 2 ms)", stats(inc))
say("  (the edit itself incl. on_lines      : %s)", stats(cb))

-- background pass over the rest of the buffer (slices of `budget` ms)
local st = hl.state(buf)
local slices, t_all = {}, uv.hrtime()
while hl._uncovered(st.clean, 0, api.nvim_buf_line_count(buf))[1] do
  local t0 = uv.hrtime()
  hl.update(buf, true)
  slices[#slices + 1] = (uv.hrtime() - t0) / 1e6
end
say("background tagging of the whole buffer  : %.0f ms total in %d slices; slice %s",
  (uv.hrtime() - t_all) / 1e6, #slices, stats(slices))
local nmarks = #api.nvim_buf_get_extmarks(buf, hl.ns, 0, -1, {})
say("extmarks in the buffer                  : %d", nmarks)

-- and an edit when everything is tagged
inc = {}
for i = 1, 100 do
  local row = top - 1 + (i * 5) % (bot - top + 1)
  local l = api.nvim_buf_get_lines(buf, row, row + 1, false)[1]
  if #l > 0 then
    api.nvim_buf_set_text(buf, row, 0, row, 0, { "x" })
    local t0 = uv.hrtime()
    hl.update(buf)
    inc[#inc + 1] = (uv.hrtime() - t0) / 1e6
  end
end
say("incremental update, fully tagged buffer : %s", stats(inc))

-- :Shijian events over the 10,000 lines
local done, t0 = false, uv.hrtime()
local slice_max = 0
require("shijian.nvim.timeline").collect(buf, function(items) done = items end)
vim.wait(60000, function() return done ~= false end, 1)
say(":Shijian events (10,000 lines)         : %d events in %.0f ms wall time (in slices of ~%d ms)",
  #done, (uv.hrtime() - t0) / 1e6, math.max(require("shijian.nvim.config").get().budget, 16))

-- motions: w across a paragraph
local m = require("shijian.nvim.motions")
local ws = {}
api.nvim_win_set_cursor(0, { top, 0 })
for _ = 1, 300 do
  local t1 = uv.hrtime()
  m.motion("w", "n")
  ws[#ws + 1] = (uv.hrtime() - t1) / 1e6
end
say("word motion w                           : %s", stats(ws))
vim.cmd("qall!")
