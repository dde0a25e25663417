--- shijian.nvim highlighting: extmarks for times, actors, places, names,
-- quantities and event words, kept up to date as the buffer changes.
--
-- How it works
--   * One namespace ("shijian"). Marks carry hl_group ShijianTime etc.; they
--     move with the text, so only changed paragraphs are ever re-tagged.
--   * Per buffer we keep `clean`, a sorted list of row intervals whose marks are
--     up to date. nvim_buf_attach's on_lines shifts it and punches a hole where
--     lines changed (plus one row either side) — O(number of intervals), no text
--     is read unless the buffer has no CJK yet.
--   * A debounced timer then tags what windows show first (each dirty row is
--     widened to its paragraph: the run of non-blank lines, at most
--     PARA_MAX rows), and the rest of the buffer in slices of `budget` ms
--     (not at all for buffers longer than `max_lines`).
--   * Buffers without CJK text do no work.
local api = vim.api
local uv = vim.uv or vim.loop
local config = require("shijian.nvim.config")
local loader = require("shijian.nvim.loader")

local M = {}

M.ns = api.nvim_create_namespace("shijian")

-- Highlight groups and their defaults (nvim_set_hl with default = true: a
-- colour scheme or the user's own definition wins).  Most link to a standard
-- group.  ShijianTime has a colour of its own: no standard group is both
-- coloured and unlike plain text on dark and light backgrounds of a
-- 256-colour terminal (Special is #ffd7d7 on dark, nearly the text colour),
-- and times are what a timeline is read by.  ShijianVirtText links to
-- NonText, whose colour no other group shares (Comment is the actors' cyan
-- on dark backgrounds in Neovim 0.7).
M.links = {
  ShijianActor = "Identifier",
  ShijianPlace = "Type",
  ShijianName = "PreProc",
  ShijianQuantity = "Constant",
  ShijianEvent = "Statement",
  ShijianVirtText = "NonText",
}
M.attrs = {
  ShijianTime = { ctermfg = 166, fg = "#d75f00" }, -- dark orange
}
M.group_of = {
  time = "ShijianTime", duration = "ShijianTime", actor = "ShijianActor",
  place = "ShijianPlace", name = "ShijianName", quantity = "ShijianQuantity",
  event = "ShijianEvent",
}
local kind_option = { duration = "time" }
-- Later kinds win where marks overlap (a time inside an event phrase, ...).
local prio_offset = { event = 0, quantity = 1, place = 2, actor = 3, name = 4, time = 5, duration = 5 }

function M.define_groups()
  for group, link in pairs(M.links) do
    api.nvim_set_hl(0, group, { link = link, default = true })
  end
  for group, a in pairs(M.attrs) do
    api.nvim_set_hl(0, group, vim.tbl_extend("force", a, { default = true }))
  end
end

M.define_groups()

-- rows: a paragraph longer than this is tagged in windows of rows (the
-- editor re-tags what changed, so its pieces are rows, not bytes)
local PARA_MAX = 60
local CJK = "[\227-\233][\128-\191][\128-\191]" -- U+3000..U+9FFF (punctuation, kana, ideographs)
M.CJK = CJK

local has_inline = vim.fn.has("nvim-0.10") == 1

-- ---------------------------------------------------------------------------
-- Paragraph text <-> buffer positions

local function truncate(l, maxb)
  if #l <= maxb then return l end
  local cut = maxb
  while cut > 0 do
    local b = l:byte(cut + 1)
    if not b or b < 0x80 or b >= 0xC0 then break end
    cut = cut - 1
  end
  return l:sub(1, cut)
end

--- Join lines into one analysis text. Lines that end and start with CJK are
-- joined directly (hard-wrapped Chinese), others with "\n".
-- Returns text, starts (0-based byte offset of each line), lens, has_cjk.
function M.join(lines, maxb)
  local parts, starts, lens = {}, {}, {}
  local off, cjk, prev = 0, false, nil
  for i = 1, #lines do
    local l = truncate(lines[i], maxb)
    if prev then
      local s = (prev:find(CJK .. "$") and l:find("^" .. CJK)) and "" or "\n"
      parts[#parts + 1] = s
      off = off + #s
    end
    starts[i], lens[i] = off, #l
    parts[#parts + 1] = l
    off = off + #l
    if not cjk and l:find(CJK) then cjk = true end
    prev = l
  end
  return table.concat(parts), starts, lens, cjk
end

-- 0-based byte offset -> line index (1-based in starts) and column.
local function locate(starts, lens, off, is_end)
  local lo, hi = 1, #starts
  while lo < hi do
    local mid = math.floor((lo + hi + 1) / 2)
    local s = starts[mid]
    if s < off or (not is_end and s == off) then lo = mid else hi = mid - 1 end
  end
  local col = off - starts[lo]
  if col < 0 then col = 0 end
  if col > lens[lo] then col = lens[lo] end
  return lo, col
end

--- Map a result's 1-based inclusive [first, last] to 0-based rows/cols
-- relative to the paragraph: row, col, end_row, end_col.
function M.span(starts, lens, first, last)
  local r1, c1 = locate(starts, lens, first - 1, false)
  local r2, c2 = locate(starts, lens, last, true)
  if r2 < r1 or (r2 == r1 and c2 < c1) then r2, c2 = r1, c1 end
  return r1 - 1, c1, r2 - 1, c2
end

-- A blank line ends a paragraph: the core's definition (sj_blank_line,
-- U+3000 and the other Unicode spaces included), the one the command and
-- the stream helpers use.  Without the compiled part nothing is tagged, and
-- only ASCII blanks count.
local function blank(l)
  local lib = loader.lib()
  if lib then return lib.blank_line(l) end
  return l:find("^%s*$") ~= nil
end
M.blank = blank

--- The paragraph around row (0-based) of buf: first row, end row (exclusive)
-- and its lines; nil for a blank row.
function M.paragraph_at(buf, row)
  local n = api.nvim_buf_line_count(buf)
  local a = math.max(0, row - PARA_MAX)
  local b = math.min(n, row + PARA_MAX + 1)
  local lines = api.nvim_buf_get_lines(buf, a, b, false)
  local i = row - a + 1
  if not lines[i] or blank(lines[i]) then return nil end
  local s, e = i, i
  while s > 1 and not blank(lines[s - 1]) and e - s + 1 < PARA_MAX do s = s - 1 end
  while lines[e + 1] and not blank(lines[e + 1]) and e - s + 1 < PARA_MAX do e = e + 1 end
  local out = {}
  for k = s, e do out[#out + 1] = lines[k] end
  return a + s - 1, a + e, out
end

-- ---------------------------------------------------------------------------
-- Row interval sets (sorted, disjoint, {s, e} with e exclusive)

local function subtract(set, s, e)
  if e <= s then return set end
  local out = {}
  for _, iv in ipairs(set) do
    if iv[2] <= s or iv[1] >= e then
      out[#out + 1] = iv
    else
      if iv[1] < s then out[#out + 1] = { iv[1], s } end
      if iv[2] > e then out[#out + 1] = { e, iv[2] } end
    end
  end
  return out
end

local function add(set, s, e)
  if e <= s then return set end
  local out, placed = {}, false
  for _, iv in ipairs(set) do
    if iv[2] < s then
      out[#out + 1] = iv
    elseif iv[1] > e then
      if not placed then out[#out + 1] = { s, e }; placed = true end
      out[#out + 1] = iv
    else
      s, e = math.min(s, iv[1]), math.max(e, iv[2])
    end
  end
  if not placed then out[#out + 1] = { s, e } end
  return out
end

-- Parts of [s, e) not covered by set.
local function uncovered(set, s, e)
  local out, cur = {}, s
  for _, iv in ipairs(set) do
    if iv[2] > cur and iv[1] < e then
      if iv[1] > cur then out[#out + 1] = { cur, iv[1] } end
      cur = math.max(cur, iv[2])
    end
    if cur >= e then break end
  end
  if cur < e then out[#out + 1] = { cur, e } end
  return out
end

M._subtract, M._add, M._uncovered = subtract, add, uncovered

-- ---------------------------------------------------------------------------
-- Buffer state

local states = {} -- buf -> state
M.states = states

function M.state(buf) return states[buf] end

local function buf_ref(buf, st)
  local o = config.get()
  if o.ref ~= nil then return o.ref end
  local ok, b = pcall(function() return vim.b[buf].shijian_ref end)
  if ok and b ~= nil then return b end
  return st.inferred_ref
end

-- Find a reference year in the first lines of the buffer ("2020年..." headline).
local function infer_ref(buf, model)
  local lines = api.nvim_buf_get_lines(buf, 0, math.min(60, api.nvim_buf_line_count(buf)), false)
  local text = M.join(lines, 4000)
  if #text > 16000 then text = text:sub(1, 16000) end
  if not text:find(CJK) then return nil end
  local ok, doc = pcall(model.analyze, model, text, { want = "mentions" })
  if ok and doc and doc.ref_year and doc.ref_year > 0 then return doc.ref_year end
  return nil
end

local function has_cjk(buf, s, e, limit)
  local n = api.nvim_buf_line_count(buf)
  e = math.min(e, n)
  local scanned = 0
  local step = 500
  while s < e do
    local lines = api.nvim_buf_get_lines(buf, s, math.min(e, s + step), false)
    for _, l in ipairs(lines) do
      if l:find(CJK) then return true end
      scanned = scanned + #l
      if limit and scanned > limit then return false end
    end
    s = s + step
  end
  return false
end

local function add_mark(buf, row, col, opts)
  local ok = pcall(api.nvim_buf_set_extmark, buf, M.ns, row, col, opts)
  return ok
end

-- Virtual text for a mark: inline after it (Neovim 0.10+), else gathered
-- into one virtual line under its row (an end-of-line text would be cut at
-- the window edge when a line has several).
local function virt(mo, below, row, text)
  if has_inline then
    mo.virt_text, mo.virt_text_pos = { { text, "ShijianVirtText" } }, "inline"
    return
  end
  local chunks = below[row]
  if not chunks then chunks = {}; below[row] = chunks end
  chunks[#chunks + 1] = { (chunks[1] and " " or "") .. text, "ShijianVirtText" }
end

--- Tag rows [s, e) of buf (widened to whole paragraphs). Returns the rows done.
function M.tag_rows(buf, st, s, e, model)
  local o = config.get()
  local n = api.nvim_buf_line_count(buf)
  if e > n then e = n end
  if s >= e then return s, e end
  local a = math.max(0, s - PARA_MAX)
  local b = math.min(n, e + PARA_MAX)
  local lines = api.nvim_buf_get_lines(buf, a, b, false)
  -- widen to paragraph bounds
  local S, E = s, e
  if not blank(lines[s - a + 1]) then
    local k = s - a + 1
    local lim = s - PARA_MAX + 1
    while k > 1 and not blank(lines[k - 1]) and a + k - 1 > lim do k = k - 1 end
    S = a + k - 1
  end
  if e - 1 >= s and not blank(lines[e - a]) then
    local k = e - a
    local lim = e - 1 + PARA_MAX - 1
    while lines[k + 1] and not blank(lines[k + 1]) and a + k - 1 < lim do k = k + 1 end
    E = a + k
  end
  -- (marks of lines deleted at the end of the buffer can sit past its end)
  api.nvim_buf_clear_namespace(buf, M.ns, S, E >= n and -1 or E)
  local ref = buf_ref(buf, st)
  local want = o.kinds.event and "mentions,events" or "mentions"
  local maxb = o.max_line_bytes
  local prio = o.priority
  local vt_time, vt_event = config.virt(o, "time"), config.virt(o, "event")
  local below = {} -- without inline virtual text: row -> chunks of its virtual line
  local r = S
  while r < E do
    local l = lines[r - a + 1]
    if blank(l) then
      r = r + 1
    else
      local ps = r
      local pl = {}
      while r < E and not blank(lines[r - a + 1]) and #pl < PARA_MAX do
        pl[#pl + 1] = lines[r - a + 1]
        r = r + 1
      end
      local text, starts, lens, cjk = M.join(pl, maxb)
      if cjk then
        local ok, doc = pcall(model.analyze, model, text, { ref = ref, want = want })
        if ok and doc then
          for _, m in ipairs(doc.mentions or {}) do
            local kind = kind_option[m.kind] or m.kind
            if o.kinds[kind] and M.group_of[m.kind] then
              local r1, c1, r2, c2 = M.span(starts, lens, m.first, m.last)
              local mo = { end_row = ps + r2, end_col = c2, hl_group = M.group_of[m.kind],
                priority = prio + (prio_offset[m.kind] or 0) }
              if vt_time and m.kind == "time" and m.value then
                virt(mo, below, ps + r2, "⟨" .. m.value .. "⟩")
              end
              add_mark(buf, ps + r1, c1, mo)
            end
          end
          if o.kinds.event then
            for _, ev in ipairs(doc.events or {}) do
              local r1, c1, r2, c2 = M.span(starts, lens, ev.trigger.first, ev.trigger.last)
              local mo = { end_row = ps + r2, end_col = c2, hl_group = "ShijianEvent", priority = prio }
              if vt_event and ev.cameo then
                virt(mo, below, ps + r2, "⟨" .. ev.cameo .. " " .. (ev.label or "") .. "⟩")
              end
              add_mark(buf, ps + r1, c1, mo)
            end
          end
        end
      end
    end
  end
  for row, chunks in pairs(below) do
    add_mark(buf, row, 0, { virt_lines = { chunks }, priority = prio })
  end
  st.clean = add(st.clean, S, E)
  return S, E
end

-- Rows shown by the windows of buf: list of { top, bot } (0-based, bot exclusive).
local function visible(buf)
  local out = {}
  for _, win in ipairs(api.nvim_list_wins()) do
    if api.nvim_win_get_buf(win) == buf then
      local ok, tb = pcall(api.nvim_win_call, win, function()
        return { vim.fn.line("w0"), vim.fn.line("w$") }
      end)
      if ok and type(tb) == "table" then
        local t, b = tb[1], tb[2]
        local h = api.nvim_win_get_height(win)
        if b < t then b = t + h end
        -- w$ can lag behind a jump made in the same tick: cover the height
        b = math.max(b, t + h - 1)
        out[#out + 1] = { t - 1, b }
      end
    end
  end
  table.sort(out, function(x, y) return x[1] < y[1] end)
  return out
end

local function now_ms() return uv.hrtime() / 1e6 end

--- Bring buf's marks up to date. The first call after a change tags the rows
-- windows show (synchronously); the rest of the buffer follows in slices of
-- `budget` ms, each in its own turn of the event loop. Returns ms spent.
function M.update(buf, background_only)
  local st = states[buf]
  if not st or not st.active or not api.nvim_buf_is_valid(buf) then return 0 end
  if not st.cjk then return 0 end
  local t0 = now_ms()
  local model = loader.model()
  if not model then return 0 end
  if not st.ref_done then
    st.ref_done = true
    st.inferred_ref = infer_ref(buf, model)
  end
  local o = config.get()
  local n = api.nvim_buf_line_count(buf)
  if background_only then
    local deadline = t0 + o.budget
    local holes = uncovered(st.clean, 0, n)
    while holes[1] and now_ms() < deadline do
      local h = holes[1]
      M.tag_rows(buf, st, h[1], math.min(h[2], h[1] + 8), model)
      holes = uncovered(st.clean, 0, n)
    end
    st.last_background_ms = now_ms() - t0
    if holes[1] then M.schedule(buf, 1, true) end
    return st.last_background_ms
  end
  for _, v in ipairs(visible(buf)) do
    for _, hole in ipairs(uncovered(st.clean, v[1], math.min(v[2], n))) do
      M.tag_rows(buf, st, hole[1], hole[2], model)
    end
  end
  local spent = now_ms() - t0
  st.last_update_ms = spent
  if n <= o.max_lines and uncovered(st.clean, 0, n)[1] then M.schedule(buf, 1, true) end
  return spent
end

--- (Re)start buf's timer: update after `delay` ms.
function M.schedule(buf, delay, background_only)
  local st = states[buf]
  if not st or not st.active then return end
  if not st.timer then st.timer = uv.new_timer() end
  st.timer:stop()
  st.bg = background_only and (st.bg ~= false) or false
  st.timer:start(delay, 0, vim.schedule_wrap(function()
    local s2 = states[buf]
    if s2 and s2.active then
      local bg = s2.bg
      s2.bg = nil
      local ok, err = pcall(M.update, buf, bg)
      if not ok then
        s2.errors = (s2.errors or 0) + 1
        if s2.errors == 1 then vim.notify("shijian: " .. tostring(err), vim.log.levels.WARN) end
      end
    end
  end))
end

local function on_lines(st, buf, first, last, new_last)
  if states[buf] ~= st or not st.active then return true end -- detached meanwhile
  local delta = new_last - last
  -- drop the changed rows (and one either side: the paragraph may have
  -- split or joined), then shift what follows.
  local lo, hi = math.max(0, first - 1), last + 1
  local set = subtract(st.clean, lo, hi)
  if delta ~= 0 then
    for _, iv in ipairs(set) do
      if iv[1] >= hi then iv[1], iv[2] = iv[1] + delta, iv[2] + delta end
    end
  end
  st.clean = set
  if not st.cjk then
    if has_cjk(buf, first, math.min(new_last, first + 200), nil) then st.cjk = true else return end
  end
  M.schedule(buf, config.get().debounce)
end

local function reset(buf)
  local st = states[buf]
  if not st then return end
  st.clean = {}
  pcall(api.nvim_buf_clear_namespace, buf, M.ns, 0, -1)
end

--- Start highlighting buf. Returns true if attached.
function M.attach(buf)
  buf = (buf == nil or buf == 0) and api.nvim_get_current_buf() or buf
  if not api.nvim_buf_is_loaded(buf) then return false end
  local st = states[buf]
  if st and st.active then return true end
  st = { active = true, clean = {}, buf = buf }
  states[buf] = st
  st.cjk = has_cjk(buf, 0, 5000, 4 * 1024 * 1024)
  local ok = api.nvim_buf_attach(buf, false, {
    on_lines = function(_, b, _, first, last, new_last)
      return on_lines(st, b, first, last, new_last)
    end,
    on_reload = function(_, b)
      if states[b] ~= st then return true end
      reset(b)
      st.cjk = has_cjk(b, 0, 5000, 4 * 1024 * 1024)
      st.ref_done, st.inferred_ref = nil, nil
      M.schedule(b, 0)
    end,
    on_detach = function(_, b)
      if states[b] == st then M.detach(b) end
    end,
  })
  if not ok then
    states[buf] = nil
    return false
  end
  if st.cjk then M.schedule(buf, 0) end
  return true
end

--- Stop highlighting buf and remove its marks.
function M.detach(buf)
  buf = (buf == nil or buf == 0) and api.nvim_get_current_buf() or buf
  local st = states[buf]
  if not st then return end
  st.active = false
  if st.timer then
    st.timer:stop()
    if not st.timer:is_closing() then st.timer:close() end
    st.timer = nil
  end
  states[buf] = nil
  if api.nvim_buf_is_valid(buf) then pcall(api.nvim_buf_clear_namespace, buf, M.ns, 0, -1) end
end

--- Re-tag every attached buffer from scratch (options or dictionaries changed).
function M.refresh_all()
  for buf, st in pairs(states) do
    if api.nvim_buf_is_valid(buf) then
      reset(buf)
      st.ref_done, st.inferred_ref = nil, nil
      M.schedule(buf, 0)
    end
  end
end

--- Tag what windows show of every attached buffer (after scrolling).
function M.on_view_change()
  local seen = {}
  for _, win in ipairs(api.nvim_list_wins()) do
    local buf = api.nvim_win_get_buf(win)
    local st = states[buf]
    if st and st.active and st.cjk and not seen[buf] then
      seen[buf] = true
      M.schedule(buf, math.min(config.get().debounce, 30))
    end
  end
end

--- Synchronously tag the whole of buf (tests, :Shijian info fallback).
function M.flush(buf)
  buf = (buf == nil or buf == 0) and api.nvim_get_current_buf() or buf
  local st = states[buf]
  if not st or not st.active then return end
  if st.timer then st.timer:stop() end
  st.bg = nil
  local model = loader.model()
  if not model or not st.cjk then return end
  if st.inferred_ref == nil and not st.ref_done then
    st.ref_done = true
    st.inferred_ref = infer_ref(buf, model)
  end
  local n = api.nvim_buf_line_count(buf)
  for _, h in ipairs(uncovered(st.clean, 0, n)) do M.tag_rows(buf, st, h[1], h[2], model) end
end

--- The reference date/year used for buf.
function M.ref(buf)
  local st = states[buf] or {}
  if not st.ref_done then
    local model = loader.model()
    if model then st.inferred_ref = infer_ref(buf, model) end
    st.ref_done = true
  end
  return buf_ref(buf, st)
end

return M
