-- Event cases as data: spec/fixtures/events.tsv (format in its header).
-- Each line is one `it`: the events of the sentence, their CAMEO codes,
-- sources and targets.
local sj = require "shijian"
local fixture = require "spec.fixture"

local function load_cases(path)
  local cases = {}
  for _, f in ipairs(fixture.cases(path, 2)) do
    local ref = f[1]:match("^REF=([%d-]+)$")
    if ref then table.remove(f, 1) end
    assert(f[2], path .. ":" .. f.line .. ": sentence and expected events expected")
    cases[#cases + 1] = { text = f[1], exp = f[2], ref = ref }
  end
  return cases
end

local function set(list)
  local t = {}
  for _, c in ipairs(list or {}) do t[#t + 1] = c end
  table.sort(t)
  return table.concat(t, ",")
end

local sorted_codes = fixture.sorted_codes

local function check(case)
  local doc = assert(sj.analyze(case.text, case.ref and { ref = case.ref } or nil))
  local got, dates = {}, {}
  for _, e in ipairs(doc.events) do
    local trig = e.trigger.text
    local flags = (e.negated and "!negated" or "") .. (e.hypothetical and "!hypothetical" or "")
    got[#got + 1] = string.format("%s:%s:%s>%s%s", trig, e.cameo, set(e.sources), set(e.targets), flags)
    dates[#dates + 1] = type(e.date) == "string" and e.date or "-"
  end
  local want = {}
  if case.exp ~= "-" then
    for item in case.exp:gmatch("[^;]+") do
      local body, date = item:match("^(.-)@(%S+)%s*$")
      body = body or item
      local flags = body:match("(!.*)$") or ""
      body = body:sub(1, #body - #flags)
      local trig, code, src, tgt = body:match("^%s*(.-):(%d%d%d):([^>]*)>(.-)%s*$")
      assert(trig, "bad expectation " .. item)
      want[#want + 1] = string.format("%s:%s:%s>%s%s", trig, code, sorted_codes(src), sorted_codes(tgt), flags)
      -- an expected date (@1998-01-07, @- for none) replaces the one found
      if date and #want <= #got then got[#want] = got[#want] .. "@" .. dates[#want] end
      if date then want[#want] = want[#want] .. "@" .. date end
    end
  end
  assert.same(want, got)
end

describe("events and their arguments (spec/fixtures/events.tsv)", function()
  for _, case in ipairs(load_cases("spec/fixtures/events.tsv")) do
    it(case.text, function() check(case) end)
  end
end)
