-- Lua-side robustness: wrong argument types, nil, numbers, huge strings and
-- reuse after close() give Lua errors with clear messages, never a crash;
-- models are collected by __gc (spec/hardening/run.sh runs this file under
-- ASan+UBSan, and spec/hardening/gc_leak.lua with leak detection).
local sj = require "shijian"
local core = require "shijian.core"

-- pcall f; the call must fail with a string message matching pat
local function fails(pat, f, ...)
  local ok, err = pcall(f, ...)
  assert.is_false(ok, "expected an error matching '" .. pat .. "'")
  assert.is_string(err)
  assert.matches(pat, err)
  return err
end

local WRONG = { nil, 42, 4.5, true, false, {}, print, io.stdout, coroutine.create(print) }
local NWRONG = 9 -- WRONG has holes (nil): iterate by index

-- offsets of tokens tile the text
local function tiles(text, toks)
  local at = 1
  for _, t in ipairs(toks) do
    if t.first ~= at or t.last < t.first or text:sub(t.first, t.last) ~= t.text then return false end
    at = t.last + 1
  end
  return at == #text + 1
end

describe("hardening: argument types", function()
  for _, fname in ipairs { "cut", "tokens", "sentences", "analyze", "mentions", "times", "events" } do
    it(fname .. " refuses non-strings with a clear message", function()
      for i = 1, NWRONG do
        local v = WRONG[i]
        fails("string expected", sj[fname], v)
        -- the same on a model of its own
        local m = sj.new()
        fails("string expected", m[fname], m, v)
        m:close()
      end
    end)
    it(fname .. " refuses options that are not tables", function()
      for _, v in ipairs { "opts", 1, true, print } do
        fails("options must be a table", sj[fname], "中国", v)
      end
    end)
  end

  it("refuses bad option values", function()
    fails("ref", sj.cut, "x", { ref = "2020-13" })
    fails("ref", sj.cut, "x", { ref = "yesterday" })
    fails("ref", sj.cut, "x", { ref = 0 })
    fails("ref", sj.cut, "x", { ref = -5 })
    fails("ref", sj.cut, "x", { ref = 0 / 0 })
    fails("ref", sj.cut, "x", { ref = math.huge })
    fails("ref", sj.cut, "x", { ref = 1e300 })
    fails("ref", sj.cut, "x", { ref = {} })
    fails("want", sj.analyze, "x", { want = "bogus" })
    fails("want", sj.analyze, "x", { want = 7 })
  end)

  it("checks self", function()
    local m = sj.new()
    fails("self", m.cut, "x")
    fails("self", m.cut, nil, "x")
    fails("self", m.analyze, {}, "x")
    local c = core.new()
    fails("shijian.model expected", getmetatable(c).__index.cut, io.stdout, "x")
    fails("shijian.model expected", getmetatable(c).__index.analyze, {}, "x")
    c:close()
    m:close()
  end)

  it("refuses bad words and dictionaries with messages naming them", function()
    local m = sj.new()
    fails("string expected", m.add_word, m, nil)
    fails("string expected", m.add_word, m, 12)
    fails("empty word", m.add_word, m, "")
    fails("UTF%-8", m.add_word, m, "\255\254")
    fails("frequency", m.add_word, m, "新词", 0 / 0)
    fails("frequency", m.add_word, m, "新词", math.huge)
    fails("", m.add_word, m, "新词", "not a number")
    fails("tag", m.add_word, m, "新词", 1, "bad tag!")
    fails("u%.dict:2: bad frequency", m.load_dict_string, m, "好词 1 n\n坏词 x n\n", "u.dict")
    assert.equal(0, m:user_words()) -- all or nothing
    assert.is_nil(m:lookup("好词x"))
    fails("/nonexistent/x%.dict", m.load_dict, m, "/nonexistent/x.dict")
    fails("", m.load_dict, m, nil)
    fails("", m.load_dict, m, {})
    m:close()
  end)

  it("refuses bad constructor options", function()
    fails("table", sj.new, 5)
    fails("unknown option", sj.new, { nonsense = true })
    fails("nonexistent", sj.new, { dict = "/nonexistent/u.dict" })
    fails("", sj.new, { words = { { "词", "x" } } })
    fails("", sj.new, { words = 5 })
    fails("ref", sj.new, { ref = "2020-99" })
  end)
end)

describe("hardening: strange text", function()
  local cases = {
    "", " ", "\n\n\n", "\0", "a\0b\0中\0", "\255\254\253", "\xE4\xB8", "\xED\xA0\x80", "\xC0\xAF",
    "\128\191中国\128", "😀👨‍👩‍👧🇨🇳中国", "𠀀𪚥中", "مرحبا שלום 中国", "中國軍隊訪問俄羅斯。",
    "Привет 한국어 日本語 COVID-19", string.rep("。", 500), string.rep("“《", 300),
    string.rep("1", 1000) .. "年",
  }
  it("every token, sentence and mention stays inside the text", function()
    for _, text in ipairs(cases) do
      local doc = sj.analyze(text)
      assert.is_true(tiles(text, doc.tokens), ("tokens do not tile %q"):format(text))
      for _, list in ipairs { doc.sentences, doc.clauses, doc.paragraphs, doc.mentions } do
        for _, s in ipairs(list) do
          assert.is_true(s.first >= 1 and s.last <= #text and s.first <= s.last)
        end
      end
      for _, e in ipairs(doc.events) do
        assert.is_true(e.trigger.first >= 1 and e.trigger.last <= #text)
      end
    end
  end)

  it("handles a huge string (8 MB, one line)", function()
    local text = string.rep("中俄两国空军联合巡航", 280000) -- 8.4 MB
    local words = sj.cut(text)
    assert.is_true(#words > 100000)
    assert.equal(text, table.concat(words))
  end)

  it("handles many lines", function()
    local text = string.rep("a\n", 200000)
    local s = sj.sentences(text)
    assert.equal(200000, #s)
  end)
end)

describe("hardening: lifetime", function()
  it("refuses a closed model with a clear message, and closes twice", function()
    local m = sj.new()
    m:close()
    fails("closed", m.cut, m, "中国")
    fails("closed", m.analyze, m, "中国")
    fails("closed", m.add_word, m, "中国")
    fails("closed", m.load_dict_string, m, "中国 1 n\n")
    fails("closed", m.lookup, m, "中国")
    fails("closed", m.user_words, m)
    m:close() -- no error, no double free
    assert.is_string(tostring(m))
  end)

  it("survives __gc called by hand, then the real collection", function()
    local c = core.new()
    getmetatable(c).__gc(c)
    fails("closed", c.cut, c, "x")
    -- dropped so that the collector finalises it
    -- luacheck: push ignore 311
    c = nil ---@diagnostic disable-line: cast-local-type
    -- luacheck: pop
    collectgarbage()
    collectgarbage()
  end)

  it("collects thousands of dropped models and documents", function()
    for i = 1, 2000 do
      local m = sj.new { words = { "新词" .. i } }
      m:cut("中俄两国空军新词" .. i)
      if i % 3 == 0 then m:close() end
    end
    collectgarbage()
    collectgarbage()
    local before = collectgarbage("count")
    for _ = 1, 2000 do
      local c = core.new()
      c:analyze("中俄两国空军实施联合空中战略巡航。")
    end
    collectgarbage()
    collectgarbage()
    assert.is_true(collectgarbage("count") < before + 1024)
  end)

  it("keeps working in coroutines and after errors inside them", function()
    local co = coroutine.wrap(function()
      for i = 1, 3 do
        coroutine.yield(#sj.cut(string.rep("中国", i)))
      end
      sj.cut(nil)
    end)
    assert.equal(1, co())
    assert.equal(2, co())
    assert.equal(3, co())
    assert.has_error(co)
    assert.same({ "中国" }, sj.cut("中国"))
  end)

  if _VERSION >= "Lua 5.4" and not rawget(_G, "jit") then
    it("closes a to-be-closed model", function()
      local f = load [[
        local sj = ...
        local m <close> = sj.new()
        m:cut("中国")
        return m
      ]]
      local m = f(sj)
      fails("closed", m.cut, m, "中国")
    end)
  end
end)
