-- Traditional Chinese (issue 14): the sample converted by OpenCC's own
-- command (opencc -c s2twp / s2hk / s2t, Debian package opencc) gives the
-- same mentions and events as the original, span for span once offsets are
-- carried from the original to the converted text.
local sj = require "shijian"

local read = require("spec.fixture").read

local SAMPLE = "pla-intl-cooperation-2020.txt"
local sample = read("../shared/corpus/" .. SAMPLE) or read("/work/shared/corpus/" .. SAMPLE)

local function opencc(config, text)
  local tin, tout = os.tmpname(), os.tmpname()
  local f = assert(io.open(tin, "wb"))
  f:write(text)
  f:close()
  local ok = os.execute(("opencc -c %s.json -i %s -o %s 2>/dev/null"):format(config, tin, tout))
  local out = read(tout)
  os.remove(tin)
  os.remove(tout)
  assert(ok == true or ok == 0, "opencc -c " .. config .. " failed (tools/deps.sh installs opencc)")
  return out
end

-- characters of s as { byte offset, the character }
local function chars(s)
  local r = {}
  for p, c in s:gmatch("()([%z\1-\127\194-\244][\128-\191]*)") do r[#r + 1] = { p - 1, c } end
  return r
end

-- a Han character (the only ones OpenCC replaces): U+3400..U+9FFF,
-- U+F900..U+FAFF or beyond the BMP
local function han(c)
  local b, b2 = c:byte(1), c:byte(2)
  if #c == 4 then return true end
  return #c == 3 and ((b == 0xE3 and b2 >= 0x90) or (b >= 0xE4 and b <= 0xE9)
    or (b == 0xEF and b2 >= 0xA4 and b2 <= 0xAB))
end

-- byte offset in a -> byte offset in b, for a text and its OpenCC
-- conversion; bs is b back in simplified characters (opencc -c t2s: as many
-- characters as b).  Characters outside Han runs are the same; a Han run of
-- the same length maps character by character; one that changed length
-- (索马里 -> 索馬利亞) maps its common prefix and suffix with bs.
local function offset_map(a, b, bs)
  local ca, cb, cs, map = chars(a), chars(b), chars(bs), {}
  assert.equal(#cb, #cs)
  local i, j = 1, 1
  while i <= #ca and j <= #cb do
    if not han(ca[i][2]) then
      assert(ca[i][2] == cb[j][2], "texts disagree at byte " .. ca[i][1])
      map[ca[i][1]] = cb[j][1]
      i, j = i + 1, j + 1
    else
      local i2, j2 = i, j
      while i2 <= #ca and han(ca[i2][2]) do i2 = i2 + 1 end
      while j2 <= #cb and han(cb[j2][2]) do j2 = j2 + 1 end
      local n = math.min(i2 - i, j2 - j)
      local p, q = 0, 0
      if i2 - i == j2 - j then p = n end
      while p < n and ca[i + p][2] == cs[j + p][2] do p = p + 1 end
      while q < n - p and ca[i2 - 1 - q][2] == cs[j2 - 1 - q][2] do q = q + 1 end
      map[ca[i][1]] = cb[j][1]
      for k = 0, p - 1 do map[ca[i + k][1]] = cb[j + k][1] end
      for k = 0, q - 1 do map[ca[i2 - 1 - k][1]] = cb[j2 - 1 - k][1] end
      if q > 0 then map[ca[i2 - q][1]] = cb[j2 - q][1] end
      i, j = i2, j2
    end
  end
  map[#a] = #b
  return map
end

local function codes(l) return l and table.concat(l, " ") or "" end

-- differences between the analyses of a and of its conversion b
local function compare(a, b)
  local da, db = sj.analyze(a, { ref = 2020 }), sj.analyze(b, { ref = 2020 })
  local map, diffs = offset_map(a, b, opencc("t2s", b)), {}
  local function span(y, first, last)
    return map[first - 1] == y.first - 1 and map[last] == y.last
  end
  assert.equal(#da.mentions, #db.mentions)
  for i, x in ipairs(da.mentions) do
    local y = db.mentions[i]
    if not (x.kind == y.kind and span(y, x.first, x.last) and x.value == y.value
            and codes(x.codes) == codes(y.codes) and x.country == y.country and x.type == y.type) then
      diffs[#diffs + 1] = ("mention %d %s %s | %s %s"):format(i, x.kind, x.text, y.kind, y.text)
    end
  end
  assert.equal(#da.events, #db.events)
  for i, x in ipairs(da.events) do
    local y = db.events[i]
    if not (x.cameo == y.cameo and span(y.trigger, x.trigger.first, x.trigger.last) and x.date == y.date
            and codes(x.sources) == codes(y.sources) and codes(x.targets) == codes(y.targets)
            and (x.place == nil) == (y.place == nil)
            and span(y.sentence, x.sentence.first, x.sentence.last)) then
      diffs[#diffs + 1] = ("event %d %s %s | %s %s"):format(i, x.cameo, x.trigger.text, y.cameo, y.trigger.text)
    end
    -- the place shows the converted text's characters: it is text of the sentence
    if y.place then
      local s = b:sub(y.sentence.first, y.sentence.last)
      if not s:find(y.place, 1, true) then diffs[#diffs + 1] = "event " .. i .. " place " .. y.place end
    end
  end
  return diffs, db
end

describe("traditional Chinese", function()
  for _, config in ipairs { "s2twp", "s2hk", "s2t" } do
    it("the sample converted by opencc -c " .. config .. " gives the same mentions and events", function()
      if not sample then return pending("no sample text in ../shared/corpus") end
      local conv = opencc(config, sample)
      assert.is_not.equal(sample, conv)
      local diffs, doc = compare(sample, conv)
      assert.same({}, diffs)
      assert.equal("traditional", doc.script)
    end)
  end

  it("says which script it analysed", function()
    assert.equal("simplified", sj.analyze("中俄两国空军").script)
    assert.equal("traditional", sj.analyze("中俄兩國空軍").script)
    assert.equal("mixed", sj.analyze("中俄两国空军\n\n中俄兩國空軍").script)
    assert.equal("traditional", sj.analyze("中俄两国空军", { script = "traditional" }).script)
    assert.equal("simplified", sj.analyze("中俄兩國空軍", { script = "simplified" }).script)
    assert.error_matches(function() sj.analyze("中", { script = "klingon" }) end, "option 'script'")
    local m = sj.new { script = "simplified" }
    assert.equal("simplified", m:analyze("中俄兩國空軍").script)
    assert.equal("traditional", m:analyze("中俄兩國空軍", { script = "auto" }).script)
    m:close()
  end)

  it("codes the region's actors and places as their simplified forms", function()
    local cases = {
      { "香港特別行政區政府發言人表示。", "香港特别行政区政府发言人表示。", "HKG" },
      { "澳門特區政府宣佈。", "澳门特区政府宣布。", "MAC" },
      { "立法會通過議案。", "立法会通过议案。", "HKG" },
      { "行政院宣布。", "行政院宣布。", "TWN" },
      { "臺灣與美國舉行會談。", "台湾与美国举行会谈。", "TWN" },
      { "中國外交部發言人表示。", "中国外交部发言人表示。", "CHN" },
    }
    for _, c in ipairs(cases) do
      local t, s = sj.analyze(c[1]), sj.analyze(c[2])
      local function codes_of(doc)
        local r = {}
        for _, m in ipairs(doc.mentions) do
          r[#r + 1] = m.kind .. ":" .. (m.codes and table.concat(m.codes, " ") or m.country or "")
        end
        return table.concat(r, ",")
      end
      assert.equal(codes_of(s), codes_of(t), c[1])
      assert.truthy(codes_of(t):find(c[3], 1, true), c[1] .. " " .. codes_of(t))
    end
  end)

  it("cuts traditional text into the original's characters", function()
    assert.same({ "中", "俄", "兩國", "空軍" }, sj.cut("中俄兩國空軍"))
    assert.same({ "他", "理髮", "後", "出發" }, sj.cut("他理髮後出發"))
  end)
end)
