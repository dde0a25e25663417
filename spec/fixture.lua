-- spec/fixture.lua — test cases as data: the lines of a fixture file
-- (spec/fixtures/*.tsv), comments (#) and blank lines left out, each split
-- at tabs into at least `min` fields.  A spec makes one `it` per case.
local M = {}

--- M.cases(path, min) -> { { field1, field2, ..., line = n }, ... }
function M.cases(path, min)
  local cases, n = {}, 0
  for line in io.lines(path) do
    n = n + 1
    if line ~= "" and not line:match "^#" then
      local f = { line = n }
      for field in (line .. "\t"):gmatch "([^\t]*)\t" do f[#f + 1] = field end
      assert(#f >= (min or 1), ("%s:%d: %d tab-separated fields expected"):format(path, n, min or 1))
      cases[#cases + 1] = f
    end
  end
  return cases
end

--- M.sorted_codes("RUS,CHN") -> "CHN,RUS": a comma-separated list as a set
function M.sorted_codes(s)
  local t = {}
  for c in s:gmatch("[^,]+") do t[#t + 1] = c end
  table.sort(t)
  return table.concat(t, ",")
end

--- M.read(path) -> the file's bytes, or nil when it cannot be opened
function M.read(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("*a")
  f:close()
  return s
end

return M
