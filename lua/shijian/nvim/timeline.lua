--- shijian.nvim timeline: the buffer's events, sorted by date, in the
-- location list (`:Shijian events`; <CR> in the list jumps to the event).
--
-- The buffer is analysed paragraph by paragraph (as the highlighter does),
-- in slices of a few milliseconds, so a long buffer does not freeze the editor;
-- the list is filled when the last slice is done.
local api = vim.api
local uv = vim.uv or vim.loop
local config = require("shijian.nvim.config")
local loader = require("shijian.nvim.loader")
local hl = require("shijian.nvim.highlight")

local M = {}

local PARA_MAX = 60
local BLOCK = 2000

local blank = hl.blank -- the core's blank line (sj_blank_line)

-- A sort key for ISO-like dates: "2020-06-24", "2020-10-28/2020-10-29",
-- "2020-12-09,2020-12-10", "2020-05/..", "../2020-12", "2020", "XXXX-06-24".
local function date_key(d)
  if type(d) ~= "string" or d == "" then return nil end
  local first = d:match("^[^/,]+") or d
  if first == ".." then first = d:match("^%.%./([^/,]+)") or first end -- "../2020-12"
  -- TIMEX3 quarters, halves, seasons and weeks sort at their first month
  -- (1998-Q3 with 1998-07, 1998-WI with 1998-12); parts of day and clock
  -- times already sort after their day (1998-01-07TEV)
  local y, part = first:match("^(%d%d%d%d)%-(%u%w%w?)$")
  if y then
    local m = ({ Q1 = 1, Q2 = 4, Q3 = 7, Q4 = 10, H1 = 1, H2 = 7,
                 SP = 3, SU = 6, FA = 9, WI = 12 })[part]
    local day = "00"
    local w = part:match("^W(%d%d)$")
    if w then -- about its Monday: day (w - 1) * 7 + 1 of the year
      local doy, lens = (tonumber(w) - 1) * 7 + 1, { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }
      m = 1
      while m < 12 and doy > lens[m] do doy, m = doy - lens[m], m + 1 end
      day = string.format("%02d", math.min(doy, 31))
    end
    if m then first = string.format("%s-%02d-%s%s", y, m, day, part) end
  end
  -- unknown years after known ones
  if first:sub(1, 4) == "XXXX" then first = "~" .. first:sub(5) end
  return first
end
M.date_key = date_key

local function join_list(t)
  if type(t) ~= "table" or #t == 0 then return nil end
  local out = {}
  for i, v in ipairs(t) do out[i] = tostring(v) end
  return table.concat(out, ",")
end

--- The loclist text of one event.
function M.format(ev)
  local parts = {}
  parts[#parts + 1] = ev.date or "(undated)"
  parts[#parts + 1] = (ev.cameo or "---") .. " " .. (ev.label or "")
  local who = type(ev.trigger) == "table" and ev.trigger.text or ""
  local src, tgt = join_list(ev.sources), join_list(ev.targets)
  if src or tgt then who = who .. "  " .. (src or "?") .. " → " .. (tgt or "?") end
  if ev.place then who = who .. "  @" .. ev.place end
  local flags = {}
  if ev.negated then flags[#flags + 1] = "negated" end
  if ev.future then flags[#flags + 1] = "future" end
  if ev.hypothetical then flags[#flags + 1] = "hypothetical" end
  if #flags > 0 then who = who .. "  (" .. table.concat(flags, ", ") .. ")" end
  parts[#parts + 1] = who
  return table.concat(parts, " │ ")
end

--- Sort loclist items (each with .user_data = { key, idx }) by date;
-- undated events last, text order breaking ties.
function M.sort(items)
  table.sort(items, function(a, b)
    local ka, kb = a._key, b._key
    if ka and kb then
      if ka ~= kb then return ka < kb end
    elseif ka or kb then
      return ka ~= nil
    end
    return a._idx < b._idx
  end)
  return items
end

--- Collect the events of buf. Calls done(items) when finished (at once if the
-- buffer is small; otherwise from later slices). Returns true if finished now.
function M.collect(buf, done, budget_ms)
  local model, err = loader.model()
  if not model then
    done(nil, err)
    return true
  end
  local o = config.get()
  budget_ms = budget_ms or math.max(o.budget, 16)
  local ref = hl.ref(buf)
  local n = api.nvim_buf_line_count(buf)
  local items, idx = {}, 0
  local row = 0
  local block_a, block = -1, nil
  local function line(r)
    if not block or r < block_a or r >= block_a + #block then
      block_a = r
      block = api.nvim_buf_get_lines(buf, r, math.min(n, r + BLOCK), false)
    end
    return block[r - block_a + 1]
  end
  local function step()
    if not api.nvim_buf_is_valid(buf) then return true end
    local t0 = uv.hrtime()
    while row < n do
      local l = line(row)
      if l == nil then break end
      if blank(l) then
        row = row + 1
      else
        local ps, pl = row, {}
        while row < n and #pl < PARA_MAX do
          local x = line(row)
          if x == nil or blank(x) then break end
          pl[#pl + 1] = x
          row = row + 1
        end
        local text, starts, lens, cjk = hl.join(pl, o.max_line_bytes)
        if cjk then
          local ok, doc = pcall(model.analyze, model, text, { ref = ref, want = "events" })
          if ok and doc then
            for _, ev in ipairs(doc.events or {}) do
              local r1, c1, r2, c2 = hl.span(starts, lens, ev.trigger.first, ev.trigger.last)
              idx = idx + 1
              items[#items + 1] = {
                bufnr = buf, lnum = ps + r1 + 1, col = c1 + 1,
                end_lnum = ps + r2 + 1, end_col = c2 + 1,
                text = M.format(ev), _key = date_key(ev.date), _idx = idx, _event = ev,
              }
            end
          end
        end
      end
      if (uv.hrtime() - t0) / 1e6 > budget_ms then return false end
    end
    return true
  end
  local function finish()
    if not api.nvim_buf_is_valid(buf) then return end -- wiped meanwhile
    M.sort(items)
    done(items)
  end
  if step() then
    finish()
    return true
  end
  local timer = uv.new_timer()
  timer:start(1, 1, vim.schedule_wrap(function()
    if timer:is_closing() then return end
    timer:stop()
    if step() then
      timer:close()
      finish()
    else
      timer:again()
    end
  end))
  return false
end

--- Fill the current window's location list with buf's events and open it.
function M.show(buf, win, opts)
  buf = (buf == nil or buf == 0) and api.nvim_get_current_buf() or buf
  win = (win == nil or win == 0) and api.nvim_get_current_win() or win
  opts = opts or {}
  local finished = M.collect(buf, function(items, err)
    if not items then
      vim.notify("shijian: " .. tostring(err), vim.log.levels.WARN)
      return
    end
    local list = {}
    for i, it in ipairs(items) do
      list[i] = { bufnr = it.bufnr, lnum = it.lnum, col = it.col, end_lnum = it.end_lnum,
        end_col = it.end_col, text = it.text }
    end
    if not api.nvim_win_is_valid(win) or not api.nvim_buf_is_valid(buf) then return end
    vim.fn.setloclist(win, {}, " ", { title = "shijian events: " .. vim.fn.bufname(buf), items = list })
    if #list == 0 then
      vim.notify("shijian: no events found in this buffer", vim.log.levels.INFO)
    elseif opts.open ~= false then
      local cur = api.nvim_get_current_win()
      if cur == win then vim.cmd("lopen") end
    end
  end)
  if not finished then vim.notify("shijian: collecting events…", vim.log.levels.INFO) end
  return finished
end

return M
