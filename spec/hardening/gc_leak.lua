-- gc_leak.lua — models and documents made and dropped in every way, then
-- a normal exit (lua.c closes the state, so Lua frees all its memory):
-- under LeakSanitizer any leak left is the module's.  Run from a directory
-- whose ./build/lua5.4/shijian/core.so is the module to test.
package.path = "./lua/?.lua;./lua/?/init.lua;" .. package.path
package.cpath = "./build/lua5.4/?.so;" .. package.cpath
local core = require "shijian.core"
local sj = require "shijian"
local text = "2020年12月22日，中俄两国空军在亚太地区实施第二次联合空中战略巡航。"
local n = 0
for i = 1, 300 do
  local c = core.new()
  c:add_word("新词" .. i, 5, "n")
  c:load_dict_string("甲乙丙 3 n\n丁戊 4 v\n", "u.dict")
  pcall(c.load_dict_string, c, "好 1 n\n坏 x n\n", "bad.dict") -- a failed load frees its journal
  pcall(c.load_dict, c, "/nonexistent/u.dict")
  pcall(c.add_word, c, "\255")
  n = n + #c:analyze(text).tokens + #c:cut(text)
  pcall(c.analyze, c, text, { ref = "bad" })       -- errors before the analysis
  pcall(c.analyze, c, text, { want = "bogus" })
  if i % 3 == 0 then c:close() end                  -- closed now, then collected
  if i % 5 == 0 then getmetatable(c).__gc(c) end    -- __gc by hand, then again by the GC
end
for i = 1, 100 do
  local m = sj.new { words = { "词" .. i }, ref = "2020" }
  n = n + #m:events(text)
  if i % 2 == 0 then m:close() end
end
collectgarbage()
collectgarbage()
print(("gc_leak: %d results, %.0f KB Lua heap after collection"):format(n, collectgarbage("count")))
