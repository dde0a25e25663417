-- Person and actor cases as data: spec/fixtures/actors.tsv (format in its
-- header).  Each line is one `it`.
local sj = require "shijian"
local fixture = require "spec.fixture"

local function load_cases(path)
  local cases = {}
  for _, f in ipairs(fixture.cases(path, 2)) do
    cases[#cases + 1] = { text = f[1], exp = table.concat(f, "\t", 2) }
  end
  return cases
end

-- codes as a set (the gold scores them so): sorted
local function codes_of(m)
  if not m.codes or #m.codes == 0 then return "-" end
  local c = {}
  for i, code in ipairs(m.codes) do c[i] = code end
  table.sort(c)
  return table.concat(c, ",")
end

local sorted_codes = fixture.sorted_codes

local function check(case)
  local doc = sj.analyze(case.text)
  local actors, places, names = {}, {}, {}
  for _, m in ipairs(doc.mentions) do
    if m.kind == "actor" then actors[m.text] = m end
    if m.kind == "place" then places[m.text] = m end
    if m.kind == "name" then names[m.text] = m end
  end
  local seen = {}
  for text, m in pairs(actors) do seen[#seen + 1] = text .. "=" .. codes_of(m) end
  table.sort(seen)
  local got = table.concat(seen, "; ")
  for item in case.exp:gmatch("[^;]+") do
    item = item:match("^%s*(.-)%s*$")
    local neg, place = item:match("^!(.+)$"), item:match("^@(.+)$")
    local name = item:match("^%%(.+)$")
    if neg and neg:sub(1, 1) == "%" then
      assert.is_nil(names[neg:sub(2)], "no name " .. neg:sub(2) .. " expected")
    elseif neg then
      assert.is_nil(actors[neg], "no actor " .. neg .. " expected; got " .. got)
    elseif place then
      assert.is_not_nil(places[place], "place " .. place .. " expected")
    elseif name then
      local text, class = name:match("^(.-)=(.*)$")
      assert.is_not_nil(names[text], "name " .. text .. " expected")
      assert.equal(class, names[text].class, "class of " .. text)
    else
      local text, codes = item:match("^(.-)=(.*)$")
      assert.is_not_nil(actors[text], "actor " .. text .. " expected; got " .. got)
      assert.equal(sorted_codes(codes), codes_of(actors[text]), "codes of " .. text)
    end
  end
end

describe("actors and persons (spec/fixtures/actors.tsv)", function()
  for _, case in ipairs(load_cases("spec/fixtures/actors.tsv")) do
    it(case.text, function() check(case) end)
  end
end)
