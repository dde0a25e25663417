-- Tiny test helper for the headless Neovim specs (no busted needed).
--   local t = dofile(root .. "/spec/nvim/helper.lua")
--   t.test("name", function() t.eq(1, 1) end)
--   t.finish()   -- writes the summary and quits with the failure count
local H = { passed = 0, failed = 0, skipped = 0, failures = {} }

local out = io.stdout
local function say(s) out:write(s, "\n"); out:flush() end
H.say = say

local function fmt(v)
  if type(v) == "string" then return string.format("%q", v) end
  return vim.inspect(v)
end

local function fail(msg, level)
  error({ shijian_test = true, msg = msg }, (level or 1) + 1)
end

function H.eq(want, got, what)
  if not vim.deep_equal(want, got) then
    fail(("%sexpected %s, got %s"):format(what and (what .. ": ") or "", fmt(want), fmt(got)), 2)
  end
end

function H.ok(cond, what)
  if not cond then fail(what or "assertion failed", 2) end
  return cond
end

function H.skip(why) error({ shijian_skip = true, msg = why }, 2) end

function H.test(name, f)
  -- every test starts from one clean window
  pcall(vim.cmd, "silent! only!")
  pcall(vim.cmd, "silent! lclose")
  local ok, err = xpcall(f, function(e)
    if type(e) == "table" and (e.shijian_test or e.shijian_skip) then
      if e.shijian_test then
        local tb = debug.traceback("", 2)
        local line = tb:match("spec/nvim/[%w_]+%.lua:%d+") or ""
        e.msg = e.msg .. (line ~= "" and (" (" .. line .. ")") or "")
      end
      return e
    end
    return { msg = tostring(e) .. "\n" .. debug.traceback("", 2) }
  end)
  if ok then
    H.passed = H.passed + 1
    say("ok      " .. name)
  elseif type(err) == "table" and err.shijian_skip then
    H.skipped = H.skipped + 1
    say("skip    " .. name .. " — " .. err.msg)
  else
    H.failed = H.failed + 1
    H.failures[#H.failures + 1] = name
    say("FAIL    " .. name .. "\n        " .. tostring(err.msg):gsub("\n", "\n        "))
  end
  -- leave no buffers behind
  for _, b in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_valid(b) and b ~= vim.api.nvim_get_current_buf() then
      pcall(vim.api.nvim_buf_delete, b, { force = true })
    end
  end
  pcall(vim.cmd, "silent! enew!")
end

--- A fresh scratch buffer with lines, shown in the current window.
function H.buffer(lines, ft)
  vim.cmd("enew!")
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].swapfile = false
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines)
  if ft then vim.bo[buf].filetype = ft end
  return buf
end

function H.lines(buf) return vim.api.nvim_buf_get_lines(buf or 0, 0, -1, false) end

-- the file reader of the busted specs (spec/fixture.lua), beside this file
local here = debug.getinfo(1, "S").source:match("^@(.*)/nvim/helper%.lua$") or "spec"
H.read = dofile(here .. "/fixture.lua").read

function H.split_lines(s)
  local t = {}
  for l in (s .. "\n"):gmatch("(.-)\r?\n") do t[#t + 1] = l end
  if t[#t] == "" then t[#t] = nil end
  return t
end

--- Type keys as if by the user (mappings applied), and wait until done.
function H.feed(keys)
  local k = vim.api.nvim_replace_termcodes(keys, true, false, true)
  vim.api.nvim_feedkeys(k, "mx", false)
end

--- Same, without mappings (Vim's own commands).
function H.feed_noremap(keys)
  local k = vim.api.nvim_replace_termcodes(keys, true, false, true)
  vim.api.nvim_feedkeys(k, "nx", false)
end

function H.cursor() local c = vim.api.nvim_win_get_cursor(0); return { c[1], c[2] } end

function H.finish(result_file)
  local line = ("nvim: %d passed, %d failed"):format(H.passed, H.failed)
  if H.skipped > 0 then say(("(%d skipped)"):format(H.skipped)) end
  if result_file then
    local f = io.open(result_file, "w")
    if f then f:write(line, "\n"); f:close() end
  else
    say(line)
  end
  vim.cmd(H.failed > 0 and "cquit 1" or "qall!")
end

return H
