--- shijian.lua — Pandoc Lua filter: mark up times, actors, places, names,
-- quantities and CAMEO-typed events in Chinese text, and tabulate the events.
--
--   pandoc --lua-filter=filters/shijian.lua news.md -o news.html
--
-- The logic lives in lua/shijian/pandoc.lua; this file only finds it and the
-- C module `shijian.core` that matches pandoc's Lua (_VERSION), looking
--   1. relative to this file, in a source checkout: ../lua/ and ../build/lua<V>/
--      (LuaJIT: ../build/luajit/);
--   2. beside this file (pandoc's data directory `filters/`, with `shijian/`
--      copied next to it);
--   3. on package.path / package.cpath as they are (`make install`).
-- When no C module loads (e.g. a static pandoc binary), the filter calls the
-- `shijian` command once per document instead (see docs/pandoc.md).

local function dirname(p)
  return p and (p:match("^(.*)[/\\][^/\\]*$") or ".") or "."
end

local here = dirname(PANDOC_SCRIPT_FILE)
local root = here .. "/.."
local abi = (type(jit) == "table" and "luajit") or ("lua" .. _VERSION:match("%d+%.%d+"))

package.path = table.concat({
  root .. "/lua/?.lua", root .. "/lua/?/init.lua",
  here .. "/?/init.lua", here .. "/?.lua",
  package.path }, ";")
package.cpath = table.concat({
  root .. "/build/" .. abi .. "/?.so",
  here .. "/" .. abi .. "/?.so",
  package.cpath }, ";")

local ok, sjp = pcall(require, "shijian.pandoc")
if not ok then
  error("shijian.lua: cannot load the Lua module shijian.pandoc (" ..
        tostring(sjp):gsub("\n.*", "") .. ").\n" ..
        "Keep this filter in a shijian checkout (filters/ beside lua/), copy " ..
        "lua/shijian/ next to it, or install shijian (make install).", 0)
end

return sjp.filter { root = root, here = here }
