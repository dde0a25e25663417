-- The Lua API for script authors: models, user rules, offsets, iterators,
-- streaming, the safe flavour.  Runs on Lua 5.4, 5.3 and LuaJIT.
local sj = require "shijian"
local unpack = table.unpack or unpack ---@diagnostic disable-line: deprecated

local TEXT = "6月24日，中国海军银川舰在亚丁湾与俄罗斯海军举行联演。"

local function write_tmp(s)
  local path = os.tmpname()
  local f = assert(io.open(path, "wb"))
  f:write(s)
  f:close()
  return path
end

local function read_all(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("*a")
  f:close()
  return s
end

local function find(list, pred)
  for _, x in ipairs(list) do if pred(x) then return x end end
end

local function by_text(list, s)
  return find(list, function(x) return (x.trigger and x.trigger.text or x.text) == s end)
end

describe("models", function()
  it("share one default model, free to get again", function()
    assert.equal(sj.model(), sj.model())
    assert.matches("^shijian%.model", tostring(sj.model()))
  end)
  it("accept reference as an alias of ref", function()
    local m = sj.new { reference = "2020-12-31" }
    local t = m:times("6月24日")
    assert.equal("2020-06-24", t[1].value)
    -- a call's ref (or reference) wins over the model's
    assert.equal("2019-06-24", m:times("6月24日", { reference = 2019 })[1].value)
    assert.equal("2018-06-24", m:times("6月24日", { ref = 2018 })[1].value)
    assert.equal("2020-06-24", sj.times("6月24日", { reference = "2020" })[1].value)
  end)
  it("reject disagreeing ref and reference, unknown options, bad defaults at creation", function()
    assert.error_matches(function() sj.new { ref = 2020, reference = 2019 } end, "disagree")
    assert.error_matches(function() sj.analyze("中国", { ref = 2020, reference = 2019 }) end, "disagree")
    assert.error_matches(function() sj.new { refrence = 2020 } end, "unknown option 'refrence'")
    assert.error_matches(function() sj.new { ref = "yesterday" } end, "option 'ref'")
    assert.error_matches(function() sj.new("x") end, "options must be a table")
    assert.error_matches(function() sj.new { dict = 42 } end, "path or a list of paths")
  end)
  it("load dict and userdict (paths or lists) and words", function()
    local a = write_tmp("甲乙丙丁 10 nz\n")
    local b = write_tmp("戊己庚辛 10 nz\n")
    local m = sj.new { dict = a, userdict = { b }, words = { "壬癸子丑", { "寅卯辰巳", 5, "nr" } } }
    assert.equal(4, m:user_words())
    assert.same({ "甲乙丙丁", "戊己庚辛", "壬癸子丑", "寅卯辰巳" }, m:cut("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳"))
    local _, pos = m:lookup("寅卯辰巳")
    assert.equal("nr", pos)
    assert.is_nil(sj.model():lookup("寅卯辰巳"))
    os.remove(a)
    os.remove(b)
    assert.error_matches(function() sj.new { dict = a } end, "load_dict")
  end)
  it("keep the core methods: add_word/load_dict_string return the model, close", function()
    local m = sj.new()
    assert.equal(m, m:add_word("子丑寅卯"))
    assert.equal(m, m:load_dict_string("辰巳午未 5 nz\n"))
    assert.equal(2, m:user_words())
    assert.error_matches(function() m.cut("中国") end, "model:cut")
    m:close()
    assert.error_matches(function() m:cut("中国") end, "model is closed")
  end)
  it("give a fresh default model after the shared one is closed", function()
    local d = sj.model()
    d:close()
    assert.are_not.equal(d, sj.model())
    assert.same({ "中国" }, sj.cut("中国"))
  end)
  it("raise the core's messages as they are, without positions", function()
    assert.equal("bad argument #1 (string expected, got number)", select(2, pcall(sj.cut, 42)))
    local m = sj.new()
    assert.equal("bad argument #1 (string expected, got table)", select(2, pcall(m.tokens, m, {})))
    assert.equal("shijian: add_word: empty word", select(2, pcall(m.add_word, m, "")))
    assert.matches("^shijian: load_dict: /nonexistent/x%.dict", select(2, pcall(sj.new, { dict = "/nonexistent/x.dict" })))
  end)
  it("keep model defaults for hmm and split_measures", function()
    local m = sj.new { split_measures = true }
    assert.same(sj.cut("6800余艘", { split_measures = true }), m:cut("6800余艘"))
  end)
end)

describe("rules: creation", function()
  it("compile re strings, LPeg patterns and word lists", function()
    local lpeg = require "lpeg"
    assert.equal("unit", sj.rule { kind = "unit", pattern = "%han %han '舰'" }.kind)
    assert.equal("x", sj.rule { kind = "x", pattern = lpeg.P "银川舰" }.kind)
    assert.equal("trigger 062", sj.rule { trigger = { "联演", "联训" }, cameo = "062" }.name)
    local r = sj.rule { kind = "k", pattern = "'甲'" }
    assert.equal(r, sj.rule(r))
  end)
  it("raise clear errors for bad patterns and specs", function()
    local cases = {
      { { kind = "k", pattern = "('a'" }, "bad re pattern" },
      { { kind = "k", pattern = "%nope" }, "name 'nope' undefined" },
      { { kind = "k", pattern = "'a'*" }, "matches the empty string" },
      { { kind = "k", pattern = {} }, "word list is empty" },
      { { kind = "k", pattern = { "a", 3 } }, "word #2" },
      { { kind = "k", pattern = 42 }, "LPeg pattern, an re string or a list of words, got number" },
      { { kind = "k" }, "'pattern' is missing" },
      { { pattern = "'a'" }, "needs 'kind'" },
      { { kind = "k", pattern = "'a'", colour = "red" }, "unknown field 'colour'" },
      { { kind = "k", pattern = "'a'", overlap = "win" }, "'overlap' must be" },
      { { kind = "k", pattern = "'a'", cameo = "062" }, "belongs to trigger rules" },
      { { trigger = "'a'" }, "'cameo' must be a CAMEO code" },
      { { trigger = "'a'", cameo = 62 }, "'cameo' must be a CAMEO code" },
      { { trigger = "'a'", cameo = "062", kind = "k" }, "either kind" },
      { { trigger = "'a'", cameo = "062", value = 1 }, "take 'check', not 'value'" },
      { { kind = "k", pattern = "=x" }, "" },
    }
    for _, c in ipairs(cases) do
      local ok, err = pcall(sj.rule, c[1])
      assert.is_false(ok)
      assert.matches("^shijian%.rule '[^']+': ", err)
      assert.truthy(err:find(c[2], 1, true), err)
    end
    assert.error_matches(function() sj.rule "abc" end, "table expected, got string")
    assert.error_matches(function() sj.rules { 42 } end, "got number")
  end)
  it("load LPeg only when rules are used, and explain when it is missing", function()
    local saved = {}
    for _, k in ipairs { "lpeg", "re", "shijian.rules" } do saved[k] = package.loaded[k] end
    local preload = package.preload.lpeg
    package.loaded.lpeg, package.loaded.re, package.loaded["shijian.rules"] = nil, nil, nil
    package.preload.lpeg = function() error("module 'lpeg' not found") end
    local ok, err = pcall(sj.rule, { kind = "k", pattern = "'a'" })
    -- the analysis itself does not need LPeg
    local doc = sj.analyze("中国")
    package.preload.lpeg = preload
    for k, v in pairs(saved) do package.loaded[k] = v end
    assert.is_false(ok)
    assert.matches("user rules need LPeg", err)
    assert.equal(1, #doc.mentions)
  end)
  it("do not load LPeg for plain analyses (fresh interpreter)", function()
    local lua = rawget(_G, "jit") and "luajit" or ("lua" .. _VERSION:match("%d+%.%d+"))
    local code = "package.path='./lua/?.lua;./lua/?/init.lua;'..package.path;"
      .. "package.cpath='./build/" .. lua .. "/?.so;'..package.cpath;"
      .. "local sj=require'shijian'; sj.analyze('中国', {ref=2020}); sj.offsets.len('中');"
      .. "for _ in sj.each_event('中国访问') do end;"
      .. "io.write(package.loaded.lpeg == nil and 'lazy' or 'eager')"
    local p = assert(io.popen(lua .. " -e \"" .. code .. "\""))
    local out = p:read("*a")
    p:close()
    assert.equal("lazy", out)
  end)
end)

describe("rules: matching and merging", function()
  local units = sj.rule { kind = "unit", pattern = "%han %han '舰'", class = "unit" }
  local drill = sj.rule { trigger = { "联演", "联训" }, cameo = "062", label = "joint drill" }

  it("find mentions with text, positions, class and rule name", function()
    local doc = sj.analyze(TEXT, { ref = 2020, rules = { units } })
    local m = by_text(doc.mentions, "银川舰")
    assert.is_table(m)
    assert.equal("unit", m.kind)
    assert.equal("unit", m.class)
    assert.equal("unit", m.rule)
    assert.equal("银川舰", TEXT:sub(m.first, m.last))
    -- stable core mentions are still there
    assert.equal("2020-06-24", by_text(doc.mentions, "6月24日").value)
    assert.equal("CHN", by_text(doc.mentions, "中国海军").codes[1])
    -- offset order
    for i = 2, #doc.mentions do assert.is_true(doc.mentions[i - 1].first <= doc.mentions[i].first) end
  end)

  it("make events from trigger rules, filled by the core's event stage", function()
    local doc = sj.analyze(TEXT, { ref = 2020, rules = { units, drill } })
    local ev = by_text(doc.events, "联演")
    assert.is_table(ev)
    assert.equal("062", ev.cameo)
    assert.equal("06", ev.root)
    assert.equal("joint drill", ev.label)
    assert.equal("trigger 062", ev.rule)
    assert.equal("2020-06-24", ev.date)
    -- 与 + a joint act (联演): both sides are sources and targets, as for
    -- the core's own triggers
    assert.same({ "CHN", "RUS" }, ev.sources)
    assert.same({ "CHN", "RUS" }, ev.targets)
    assert.equal("亚丁湾", ev.place)
    assert.same({ start = 0, ["end"] = #TEXT, first = 1, last = #TEXT }, ev.sentence)
    assert.is_false(ev.negated)
    -- joint = true makes any trigger word a joint act
    local j = sj.analyze("中国与俄罗斯商讨合作。", { rules = { trigger = "'商讨'", cameo = "040", joint = true } })
    assert.same({ "CHN", "RUS" }, by_text(j.events, "商讨").sources)
    assert.same({ "CHN", "RUS" }, by_text(j.events, "商讨").targets)
    local d = sj.analyze("中国与俄罗斯商讨合作。", { rules = { trigger = "'商讨'", cameo = "040" } })
    assert.same({ "CHN" }, by_text(d.events, "商讨").sources)
    assert.same({ "RUS" }, by_text(d.events, "商讨").targets) -- 与 + a directed act: X -> Y
  end)

  it("mark negated, future and hypothetical triggers", function()
    local r = { trigger = "'联演'", cameo = "062" }
    local ev = sj.events("中俄两国未举行联演。", { rules = r })
    assert.is_true(by_text(ev, "联演").negated) -- 未 before the light verb 举行
    assert.is_false(by_text(sj.events("中俄两国举行联演。", { rules = r }), "联演").negated)
    assert.is_true(by_text(sj.events("双方未联演。", { rules = r }), "联演").negated)
    assert.is_true(by_text(sj.events("双方将于明年举行联演。", { rules = r }), "联演").future)
    assert.is_true(by_text(sj.events("如果双方举行联演，", { rules = r }), "联演").hypothetical)
  end)

  it("pass captures to value functions; false drops the match; extra fields merge", function()
    local ships = sj.rule {
      kind = "quantity", name = "ships", pattern = "{%number} {'艘' / '架'}",
      value = function(_, n, unit)
        if unit == "架" then return false end
        return tonumber(n), { unit = unit, approx = false }
      end,
    }
    local doc = sj.analyze("派出3艘舰艇和2架飞机", { rules = ships, want = "mentions" })
    local m = by_text(doc.mentions, "3艘")
    assert.equal(3, m.value)
    assert.equal("艘", m.unit)
    assert.equal("ships", m.rule)
    assert.same({ "3", "艘" }, m.captures)
    assert.is_nil(find(doc.mentions, function(x) return x.rule and x.text == "2架" end))
    -- without a value function the first capture is the value; a constant works too
    local a = sj.rule { kind = "k", pattern = "'第' {%number} '批'" }
    assert.equal("35", a:match("第35批护航编队")[1].value)
    local b = sj.rule { kind = "k", pattern = "'护航'", value = "escort" }
    assert.equal("escort", b:match("第35批护航编队")[1].value)
  end)

  it("report errors of value and check functions with the rule's name", function()
    local r = sj.rule { kind = "k", name = "boom", pattern = "'中国'", value = function() error("bad", 0) end }
    assert.error_matches(function() sj.analyze("中国", { rules = r }) end, "rule 'boom': value function failed")
    local c = sj.rule { kind = "k", name = "chk", pattern = "'中国'", check = function() error("bad", 0) end }
    assert.error_matches(function() sj.analyze("中国", { rules = c }) end, "rule 'chk': check function failed")
  end)

  it("let check adjust or drop results", function()
    local r = sj.rule { kind = "k", pattern = { "甲", "乙" }, check = function(m, text, doc)
      assert.is_string(text)
      assert.is_table(doc)
      m.note = "seen"
      return m.text ~= "乙"
    end }
    local ms = sj.mentions("甲乙", { rules = r, kind = "k" })
    assert.equal(1, #ms)
    assert.equal("seen", ms[1].note)
  end)

  it("resolve overlaps between rules: priority, then length, then order", function()
    local short = { kind = "a", pattern = "'银川'" }
    local long = { kind = "b", pattern = "'银川舰'" }
    local ms = sj.rules { short, long }:match("银川舰")
    assert.equal(1, #ms)
    assert.equal("b", ms[1].kind)
    ms = sj.rules { { kind = "a", pattern = "'银川'", priority = 1 }, long }:match("银川舰")
    assert.equal("a", ms[1].kind)
    ms = sj.rules { { kind = "x", pattern = "'银川'" }, { kind = "y", pattern = "'银川'" } }:match("银川")
    assert.equal(1, #ms)
    assert.equal("x", ms[1].kind)
    -- non-overlapping matches all stay, in offset order
    ms = sj.rules { { kind = "w", pattern = { "甲", "乙" } } }:match("甲丙乙甲")
    assert.equal(3, #ms)
    assert.same({ 1, 7, 10 }, { ms[1].first, ms[2].first, ms[3].first })
  end)

  it("replace, yield to or keep overlapping core mentions (overlap option)", function()
    local text = "中国军队访问"
    local function kinds(o)
      local ms = sj.mentions(text, { rules = { kind = "force", pattern = "'中国军队'", overlap = o } })
      local out = {}
      for _, m in ipairs(ms) do out[#out + 1] = m.kind end
      return table.concat(out, ",")
    end
    assert.equal("actor", kinds("yield"))
    assert.equal("force", kinds("replace"))
    assert.equal("force", kinds(nil))
    assert.equal("actor,force", kinds("both"))
  end)

  it("replace core events its triggers overlap", function()
    local text = "6月24日，中国国防部长在莫斯科会见俄罗斯国防部长。"
    local core = sj.events(text, { ref = 2020 })
    local ev = by_text(core, "会见")
    if ev then -- the core's event list may change; the merge must hold
      local mine = sj.events(text, { ref = 2020, rules = { trigger = "'会见'", cameo = "042", label = "mine" } })
      local e = by_text(mine, "会见")
      assert.equal("mine", e.label)
      assert.equal(#core, #mine)
    end
  end)

  it("match only on token boundaries with tokens = true", function()
    local free = sj.rule { kind = "k", pattern = "'国空'" }
    local tok = sj.rule { kind = "k", pattern = "'国空'", tokens = true }
    local text = "两国空军"
    assert.equal(1, #sj.mentions(text, { rules = free, kind = "k" }))
    assert.equal(0, #sj.mentions(text, { rules = tok, kind = "k" }))
  end)

  it("ignore matches ending inside a character; run over invalid UTF-8", function()
    local lpeg = require "lpeg"
    local r = sj.rule { kind = "k", pattern = lpeg.P(4) }
    local ms = r:match("中国")
    assert.equal(0, #ms)
    ms = r:match("abcd\255中国")
    assert.equal("abcd", ms[1].text)
    local w = sj.rule { kind = "k", pattern = "'国'" }
    ms = w:match("\255\228国\128国")
    assert.equal(2, #ms)
    assert.equal(3, ms[1].first)
    local doc = sj.analyze("\255中国\128", { rules = w })
    assert.is_table(by_text(doc.mentions, "国"))
  end)

  it("apply per call, per model, and not on the shared default model", function()
    local m = sj.new { ref = 2020, rules = { units } }
    assert.is_table(by_text(m:mentions(TEXT), "银川舰"))
    -- the core may find the ship as a name of its own; the rule's kind is "unit"
    local function no_unit(list) local x = by_text(list, "银川舰"); return x == nil or x.kind ~= "unit" end
    assert.is_true(no_unit(sj.mentions(TEXT)))
    m:add_rule(drill)
    assert.equal(2, m.ruleset:size())
    assert.is_table(by_text(m:events(TEXT), "联演"))
    -- rules = false turns the model's rules off for a call
    assert.is_true(no_unit(m:mentions(TEXT, { rules = false })))
    -- call rules add to the model's
    local extra = m:mentions(TEXT, { rules = { kind = "sea", pattern = "'亚丁湾'" } })
    assert.is_table(by_text(extra, "银川舰"))
    assert.equal("sea", by_text(extra, "亚丁湾").kind)
    assert.error_matches(function() sj.model():add_rule(units) end, "shared default model")
  end)

  it("follow `want`: trigger rules need events, no rules for tokens only", function()
    local rs = sj.rules { units, drill }
    local doc = sj.analyze(TEXT, { rules = rs, want = "mentions" })
    assert.is_table(by_text(doc.mentions, "银川舰"))
    assert.is_nil(by_text(doc.events, "联演"))
    doc = sj.analyze(TEXT, { rules = rs, want = "tokens" })
    assert.equal(0, #doc.mentions)
  end)

  it("offer character patterns and a words helper", function()
    local lpeg = require "lpeg"
    local P = sj.patterns
    assert.equal(4, lpeg.match(P.han, "中"))
    assert.is_nil(lpeg.match(P.han, "，"))
    assert.equal(4, lpeg.match(P.digit, "５"))
    assert.equal(7, lpeg.match(P.number, "二十"))
    assert.equal(7, lpeg.match(sj.words { "联合", "联合演习" }, "联合") )
    assert.equal(13, lpeg.match(sj.words { "联合", "联合演习" }, "联合演习"))
    assert.error_matches(function() sj.words {} end, "non%-empty list")
  end)
end)

describe("offsets", function()
  local o = sj.offsets
  -- a(1) 中(2-4) 😀(5-8) bad byte(9) b(10)
  local s = "a中\240\159\152\128\255b"

  it("decode strictly, a bad byte counting one", function()
    assert.same({ 0x4E2D, 3 }, { o.decode(s, 2) })
    assert.same({ 0x1F600, 4 }, { o.decode(s, 5) })
    assert.same({ nil, 1 }, { o.decode(s, 9) })
    assert.same({ nil, 1 }, { o.decode("\192\128", 1) }) -- overlong
    assert.same({ nil, 1 }, { o.decode("\237\160\128", 1) }) -- surrogate
    assert.same({ nil, 1 }, { o.decode("\228\184", 1) }) -- truncated
    local got = {}
    for first, last, cp in o.chars(s) do got[#got + 1] = { first, last, cp or false } end
    assert.same({ { 1, 1, 97 }, { 2, 4, 0x4E2D }, { 5, 8, 0x1F600 }, { 9, 9, false }, { 10, 10, 98 } }, got)
  end)

  it("convert bytes to characters and back", function()
    assert.equal(5, o.len(s))
    assert.same({ 1, 2, 2, 2, 3, 3, 3, 3, 4, 5, 6 }, (function()
      local t = {}
      for p = 1, #s + 1 do t[p] = o.char_pos(s, p) end
      return t
    end)())
    assert.same({ 1, 2, 5, 9, 10, 11 }, { o.byte_pos(s, 1), o.byte_pos(s, 2), o.byte_pos(s, 3),
      o.byte_pos(s, 4), o.byte_pos(s, 5), o.byte_pos(s, 6) })
  end)

  it("convert bytes to UTF-16 offsets (0-based) and back", function()
    assert.equal(6, o.utf16_len(s))
    assert.same({ 0, 1, 2, 4, 5, 6 }, { o.utf16(s, 1), o.utf16(s, 3), o.utf16(s, 5),
      o.utf16(s, 9), o.utf16(s, 10), o.utf16(s, 11) })
    assert.same({ 1, 2, 5, 5, 9, 10, 11 }, { o.from_utf16(s, 0), o.from_utf16(s, 1), o.from_utf16(s, 2),
      o.from_utf16(s, 3), o.from_utf16(s, 4), o.from_utf16(s, 5), o.from_utf16(s, 6) })
    assert.same({ 2, 3, 1, 4 }, { o.span(s, 2, 8) })
    assert.same({ 2, 1, 1, 1 }, { o.span(s, 2, 1) }) -- empty span
  end)

  it("round-trip on a long text through the cached index", function()
    local text = read_all("spec/fixtures/news.txt")
    local ix = o.index(text)
    for first in o.chars(text) do
      local c = ix:char_pos(first)
      assert.equal(first, ix:byte_pos(c))
      assert.equal(first, o.from_utf16(text, o.utf16(text, first)))
    end
    assert.equal(ix:len(), o.len(text))
  end)

  it("reject positions out of range with clear errors", function()
    assert.error_matches(function() o.char_pos(s, 0) end, "out of range 1%.%.11")
    assert.error_matches(function() o.char_pos(s, 12) end, "out of range")
    assert.error_matches(function() o.byte_pos(s, 7) end, "character position 7 out of range 1%.%.6")
    assert.error_matches(function() o.from_utf16(s, 7) end, "UTF%-16 offset")
    assert.error_matches(function() o.char_pos(s, 1.5) end, "integer")
    assert.error_matches(function() o.len(42) end, "string expected")
  end)

  it("annotate a whole analysis", function()
    local text = "😀中国军队访问俄罗斯。"
    local doc = o.annotate(sj.analyze(text), text)
    for _, t in ipairs(doc.tokens) do
      assert.equal(t.last - t.first + 1 >= 3 and "number" or "number", type(t.char_first))
      -- UTF-16: 😀 is two units, the rest one each
      assert.equal(o.utf16(text, t.first), t.utf16_start)
      assert.equal(o.utf16(text, t.last + 1), t.utf16_end)
    end
    local a = by_text(doc.mentions, "中国军队")
    assert.same({ 2, 5, 2, 6 }, { a.char_first, a.char_last, a.utf16_start, a.utf16_end })
  end)
end)

describe("iterators", function()
  local text = "中国军队访问俄罗斯。双方举行会谈。"
  it("each_token yields the tokens in order", function()
    local words, n = {}, 0
    for tok, i in sj.each_token(text) do
      n = n + 1
      assert.equal(n, i)
      words[#words + 1] = text:sub(tok.first, tok.last)
    end
    assert.same(sj.cut(text), words)
  end)
  it("each_event, each_mention (by kind) and each_sentence", function()
    local evs = {}
    for ev in sj.each_event(text, { ref = 2020 }) do evs[#evs + 1] = ev.trigger.text end
    local direct = {}
    for _, ev in ipairs(sj.events(text, { ref = 2020 })) do direct[#direct + 1] = ev.trigger.text end
    assert.same(direct, evs)
    local actors = {}
    for m in sj.each_mention(text, { kind = "actor" }) do actors[#actors + 1] = m.codes[1] end
    assert.equal("CHN", actors[1])
    local sents = {}
    for s in sj.each_sentence(text) do sents[#sents + 1] = s.text end
    assert.same({ "中国军队访问俄罗斯。", "双方举行会谈。" }, sents)
    assert.error_matches(function() sj.mentions(text, { kind = 3 }) end, "option 'kind'")
  end)
end)

describe("streaming", function()
  local FILE = "2020年12月，新闻回顾。\n\n6月24日，中国海军访问。\n第二行。\r\n\n\n　　\n10月28日至29日，中俄举行会谈。"

  it("yields one analysis per paragraph with whole-file positions", function()
    local path = write_tmp(FILE)
    local docs = {}
    for doc in sj.each_paragraph(path) do docs[#docs + 1] = doc end
    assert.equal(3, #docs)
    for i, doc in ipairs(docs) do
      assert.equal(i, doc.index)
      assert.equal(doc.text, FILE:sub(doc.first, doc.last))
      assert.equal(doc.offset + 1, doc.first)
      for _, t in ipairs(doc.tokens) do assert.equal(t.text, FILE:sub(t.first, t.last)) end
      for _, m in ipairs(doc.mentions) do assert.equal(m.text, FILE:sub(m.first, m.last)) end
      for _, s in ipairs(doc.sentences) do assert.is_true(s.first >= doc.first and s.last <= doc.last) end
    end
    assert.same({ 1, 3, 8 }, { docs[1].line, docs[2].line, docs[3].line })
    -- a chunk is the command's piece: from the end of the one before through
    -- its paragraph and the first blank line after it
    assert.equal("6月24日，中国海军访问。\n第二行。\r\n\n", docs[2].text)
    assert.equal("\n\227\128\128\227\128\128\n10月28日至29日，中俄举行会谈。", docs[3].text)
    assert.same({ 1, 2, 3 }, { docs[1].paragraphs[1].para, docs[2].paragraphs[1].para, docs[3].paragraphs[1].para })
    os.remove(path)
  end)

  it("carries the first inferred reference year to later chunks", function()
    local path = write_tmp(FILE)
    local times = {}
    for doc in sj.each_paragraph(path) do
      for _, m in ipairs(doc.mentions) do if m.kind == "time" then times[m.text] = m.value end end
    end
    assert.equal("2020-06-24", times["6月24日"])
    assert.equal("2020-10-28/2020-10-29", times["10月28日至29日"])
    -- an explicit reference wins; carry = false turns the carrying off
    local given = {}
    for doc in sj.each_paragraph(path, { reference = 2019 }) do
      assert.equal(2019, doc.ref)
      for _, m in ipairs(doc.mentions) do if m.kind == "time" then given[m.text] = m.value end end
    end
    assert.equal("2019-06-24", given["6月24日"])
    for doc in sj.each_paragraph(path, { carry = false }) do
      if doc.index == 2 then assert.is_nil(doc.ref) end
    end
    os.remove(path)
  end)

  it("reads line by line, from files, file handles and reader functions", function()
    local path = write_tmp(FILE)
    local lines = {}
    for doc in sj.each_line(path) do lines[#lines + 1] = doc.line .. ":" .. doc.text end
    assert.same({ "1:2020年12月，新闻回顾。", "3:6月24日，中国海军访问。", "4:第二行。",
      "8:10月28日至29日，中俄举行会谈。" }, lines)
    local f = assert(io.open(path, "rb"))
    local n = 0
    for doc in sj.stream(f, { by = "line" }) do
      n = n + 1
      assert.equal(doc.text, FILE:sub(doc.first, doc.last))
    end
    f:close()
    assert.equal(4, n)
    -- a reader function returning pieces of any size, cut mid-character
    local i = 0
    local function reader()
      if i >= #FILE then return nil end
      i = i + 5
      return FILE:sub(i - 4, i)
    end
    local texts = {}
    for doc in sj.each_paragraph(reader) do texts[#texts + 1] = doc.text end
    assert.equal(3, #texts)
    assert.equal("\n\227\128\128\227\128\128\n10月28日至29日，中俄举行会谈。", texts[3])
    os.remove(path)
  end)

  it("caps paragraphs at max_bytes, cutting at line ends", function()
    local text = ("甲乙丙。\n"):rep(10)
    local n = 0
    for doc in sj.each_paragraph(function() local t = text; text = nil; return t end, { max_bytes = 30 }) do
      n = n + 1
      assert.is_true(#doc.text <= 30)
    end
    assert.equal(5, n)
  end)

  it("applies rules and analysis options to each chunk", function()
    local path = write_tmp(FILE)
    local found = {}
    for doc in sj.each_paragraph(path, { rules = { kind = "k", pattern = "'第二行'" }, want = "mentions" }) do
      for _, m in ipairs(doc.mentions) do
        if m.kind == "k" then found[#found + 1] = FILE:sub(m.first, m.last) end
      end
    end
    assert.same({ "第二行" }, found)
    os.remove(path)
  end)

  it("raises clear errors; safe returns nil, message", function()
    assert.error_matches(function() sj.each_paragraph("/nonexistent/x.txt") end, "cannot open /nonexistent/x.txt")
    assert.error_matches(function() sj.stream(42) end, "a path, a file or a reader function")
    assert.error_matches(function() sj.each_paragraph("第一段。\n\n第二段。") end, "a path expected, got text")
    assert.error_matches(function() sj.stream(function() end, { by = "word" }) end, "option 'by'")
    assert.error_matches(function() sj.stream(function() end, { ref = "soon" }) end, "option 'ref'")
    local it, err = sj.safe.each_line("/nonexistent/x.txt")
    assert.is_nil(it)
    assert.matches("cannot open", err)
    assert.error_matches(function()
      for _ in sj.each_line(function() return 42 end) do end
    end, "reader returned a number")
  end)
end)

describe("setup", function()
  it("is the Neovim plugin's: outside Neovim an error names shijian.nvim", function()
    assert.error_matches(function() sj.setup({}) end, "require%('shijian.nvim'%)%.setup%(opts%)")
    local ok, err = sj.safe.setup()
    assert.is_nil(ok)
    assert.matches("not available outside Neovim", err)
  end)
end)

describe("safe flavour", function()
  it("calls the function once and returns all its results", function()
    local n = 0
    local r = { kind = "k", pattern = "'中国'", value = function() n = n + 1 end }
    local doc = sj.safe.analyze("中国", { rules = r })
    assert.equal(1, n)
    assert.is_table(doc)
    local f, pos = sj.safe.new({ words = { { "子丑寅卯", 5, "nz" } } }):lookup("子丑寅卯")
    assert.is_number(f)
    assert.equal("nz", pos)
    local x, e = sj.safe.rule { kind = "k", pattern = "('a'" }
    assert.is_nil(x)
    assert.matches("^shijian%.rule 'k': bad re pattern", e)
    assert.is_nil(select(1, sj.safe.new { bad = 1 }))
    assert.equal("table", type(sj.safe.offsets))
    assert.is_string(unpack({ sj.version() }))
  end)
end)
