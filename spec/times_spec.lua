-- Time cases as data: spec/fixtures/times.tsv (format in its header), and
-- the grammar of every time and duration value (docs/times.md).
local sj = require "shijian"
local fixture = require "spec.fixture"

local function load_cases(path)
  local cases = {}
  for _, f in ipairs(fixture.cases(path, 3)) do
    cases[#cases + 1] = { text = f[1], ref = f[2], exp = table.concat(f, "\t", 3) }
  end
  return cases
end

-- the value grammar of docs/times.md
local function point_ok(v)
  local y = "[%dX][%dX][%dX][%dX]"
  for _, p in ipairs {
    "^" .. y .. "$", "^" .. y .. "%-%d%d$", "^" .. y .. "%-%d%d%-%d%d$",
    "^" .. y .. "%-%d%d%-%d%dT[MAEN][OIFVI]$", "^" .. y .. "%-%d%d%-%d%dT%d%d:%d%d$",
    "^T%d%d:%d%d$", "^" .. y .. "%-[SFW][PUAI]$", "^" .. y .. "%-H[12]$",
    "^" .. y .. "%-Q[1-4]$", "^" .. y .. "%-W%d%d$", "^" .. y .. "%-WXX$",
    "^" .. y .. "%-W%d%d%-WE$",
  } do
    if v:match(p) then
      local pd = v:match("T(%u%u)$")
      if pd and not ({ MO = 1, MI = 1, AF = 1, EV = 1, NI = 1 })[pd] then return false end
      local s = v:match("^[%dX]+%-(%u%u)$") -- a season (not 1998-W03-WE)
      if s and not ({ SP = 1, SU = 1, FA = 1, WI = 1 })[s] then return false end
      return true
    end
  end
  return false
end

local function value_ok(m)
  local v = m.value
  if type(v) ~= "string" then return false end
  if m.kind == "duration" or m.set then
    if m.vague then return v:match("^PX[YMWD]$") ~= nil or v:match("^PTX[HMS]$") ~= nil end
    return v:match("^P%d+%.?%d*[YMWD]$") ~= nil or v:match("^PT%d+%.?%d*[HMS]$") ~= nil
  end
  if m.vague then return v == "PRESENT_REF" or v == "PAST_REF" or v == "FUTURE_REF" end
  local a, b = v:match("^([^/]+)/([^/]+)$")
  if a then
    return (a == ".." or point_ok(a)) and (b == ".." or point_ok(b)) and not (a == ".." and b == "..")
  end
  for p in (v .. ","):gmatch("([^,]*),") do
    if not point_ok(p) then return false end
  end
  return true
end

local function times_of(doc)
  local out = {}
  for _, m in ipairs(doc.mentions) do
    if m.kind == "time" or m.kind == "duration" then out[#out + 1] = m end
  end
  return out
end

local function show(ms)
  local t = {}
  for _, m in ipairs(ms) do t[#t + 1] = m.text .. "=" .. tostring(m.value) .. (m.approx and "~" or "") end
  return table.concat(t, "; ")
end

describe("times (spec/fixtures/times.tsv)", function()
  for _, case in ipairs(load_cases("spec/fixtures/times.tsv")) do
    it(case.text .. " [" .. case.ref .. "]", function()
      local ms = times_of(sj.analyze(case.text, { ref = case.ref }))
      local by = {}
      for _, m in ipairs(ms) do by[m.text] = m end
      for item in case.exp:gmatch("[^;]+") do
        item = item:match("^%s*(.-)%s*$")
        local neg = item:match("^!(.+)$")
        if neg then
          assert.is_nil(by[neg], "no time " .. neg .. " expected; got " .. show(ms))
        else
          local text, value = item:match("^(.-)=(.*)$")
          local approx = value:sub(-1) == "~"
          if approx then value = value:sub(1, -2) end
          assert.is_not_nil(by[text], "time " .. text .. " expected; got " .. show(ms))
          assert.equal(value, by[text].value, "value of " .. text)
          assert.equal(approx, by[text].approx == true, "approx of " .. text)
        end
      end
      for _, m in ipairs(ms) do
        assert.is_true(value_ok(m), "value outside the grammar: " .. m.text .. " = " .. tostring(m.value))
      end
    end)
  end

  it("every value in the news fixture parses under the grammar", function()
    local f = assert(io.open("spec/fixtures/news.txt", "rb"))
    local text = f:read("a")
    f:close()
    for _, m in ipairs(times_of(sj.analyze(text, { ref = "2020-12-31" }))) do
      assert.is_true(value_ok(m), "value outside the grammar: " .. m.text .. " = " .. tostring(m.value))
    end
  end)

  it("a holiday is named beside its date", function()
    local ms = times_of(sj.analyze("１９９５年春节，他回到家乡。", { ref = "1998-01-10" }))
    assert.equal("1995-01-31", ms[1].value)
    assert.equal("春节", ms[1].holiday)
  end)

  it("vague = false leaves vague references out, sets stay", function()
    local on = times_of(sj.analyze("目前，两国每年举行会谈。", { ref = "1998-01-10" }))
    local off = times_of(sj.analyze("目前，两国每年举行会谈。", { ref = "1998-01-10", vague = false }))
    assert.equal("目前=PRESENT_REF; 每年=P1Y", show(on))
    assert.equal("每年=P1Y", show(off))
    assert.is_true(on[1].vague)
    assert.is_true(on[2].set)
  end)
end)
