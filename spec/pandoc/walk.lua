-- walk.lua — filters/shijian.lua with every document read through the
-- walk (M.walk_always), for the test that a flat document's fast path
-- gives the same output.
local dir = PANDOC_SCRIPT_FILE:match("^(.*)[/\\][^/\\]*$") or "."
-- luacheck: globals PANDOC_SCRIPT_FILE
PANDOC_SCRIPT_FILE = dir .. "/../../filters/shijian.lua"
local filters = dofile(PANDOC_SCRIPT_FILE)
require("shijian.pandoc").walk_always = true
return filters
