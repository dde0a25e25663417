--- pandoc_time.lua — run filters/shijian.lua inside pandoc and report the
-- filter's own CPU time (os.clock around its Pandoc function: the collection
-- of the text, the analysis, the markup, the table and the metadata, with
-- the garbage collection they cause) on standard error:
--
--   pandoc -L bench/pandoc_time.lua doc.md -t html -o /dev/null
--   -> "filter_s 0.812"
--
-- Used by bench/bench.sh; SHIJIAN_FILTER=path runs another copy of the filter.
local here = PANDOC_SCRIPT_FILE:match("^(.*)[/\\][^/\\]*$") or "."
local path = os.getenv("SHIJIAN_FILTER") or (here .. "/../filters/shijian.lua")
PANDOC_SCRIPT_FILE = path -- the filter finds lua/ and build/ from its own path
local filters = dofile(path)
local inner = filters[1].Pandoc
return { { Pandoc = function(doc)
  local t0 = os.clock()
  local out = inner(doc)
  io.stderr:write(string.format("filter_s %.3f\n", os.clock() - t0))
  return out
end } }
