-- Segmentation, sentences and models through the Lua API.
local sj = require "shijian"

local function words(text, opts) return table.concat(sj.cut(text, opts), "|") end

describe("cut", function()
  it("keeps dates, numbers and measures whole", function()
    assert.equal("2020年12月22日|，|6800余艘|、|36批|、|3.5%", words("2020年12月22日，6800余艘、36批、3.5%"))
    assert.equal("2020年|中国", words("2020年中国"))
    assert.equal("二○○○年|十二月|三十一日", words("二○○○年十二月三十一日"))
    assert.equal("１２月", words("１２月"))
  end)
  it("splits measures in the PKU scheme when asked", function()
    assert.equal("36|批", words("36批", { split_measures = true }))
  end)
  it("keeps designations, Latin words, URLs and e-mail addresses whole", function()
    local got = sj.cut("轰-6K和图-95，运-20与雄鹰-IX，96B型坦克，COVID-19，见https://example.org/a?b=1或x.y@example.com")
    local set = {}
    for _, w in ipairs(got) do set[w] = true end
    for _, w in ipairs { "轰-6K", "图-95", "运-20", "雄鹰-IX", "96B型", "COVID-19",
                         "https://example.org/a?b=1", "x.y@example.com" } do
      assert.is_true(set[w], w .. " not whole in " .. table.concat(got, "|"))
    end
  end)
  it("segments ordinary news text from the lexicon", function()
    assert.equal("两国|空军|在|亚太地区|实施|联合|空中|战略|巡航", words("两国空军在亚太地区实施联合空中战略巡航"))
  end)
  it("gives an empty list for empty input", function()
    assert.same({}, sj.cut(""))
  end)
end)

describe("tokens", function()
  it("carry 1-based inclusive byte positions and tags", function()
    local text = "中国军队访问了莫斯科。"
    local toks = sj.tokens(text)
    local joined = {}
    for i, t in ipairs(toks) do
      assert.equal(t.text, text:sub(t.first, t.last))
      assert.equal(t.text, text:sub(t.start + 1, t["end"]))
      assert.is_string(t.pos)
      if i > 1 then assert.equal(toks[i - 1].last + 1, t.first) end
      joined[#joined + 1] = t.text
    end
    assert.equal(text, table.concat(joined))
    assert.equal("v", toks[3].pos) -- 访问
  end)
  it("cover invalid UTF-8 and NUL bytes without losing a byte", function()
    local text = "中\255\0国\xE4\xB8"
    local toks = sj.tokens(text)
    local joined = {}
    for _, t in ipairs(toks) do joined[#joined + 1] = text:sub(t.first, t.last) end
    assert.equal(text, table.concat(joined))
  end)
end)

describe("sentences", function()
  it("split at stops and line ends, keep closing quotes, respect quotes", function()
    local text = "他说：“合作成果丰硕！”随后双方签署了文件。\n第二行没有句号\n\n新段落？是的。"
    local s = sj.sentences(text)
    local got = {}
    for _, x in ipairs(s) do got[#got + 1] = text:sub(x.first, x.last) end
    assert.same({ "他说：“合作成果丰硕！”", "随后双方签署了文件。", "第二行没有句号", "新段落？", "是的。" }, got)
    assert.equal(1, s[1].para)
    assert.equal(2, s[4].para)
  end)
  it("does not end a sentence at a stop inside quotes", function()
    local text = "他说：“我们来了。你们呢”然后走了。"
    local s = sj.sentences(text)
    assert.equal(1, #s)
  end)
end)

describe("models", function()
  it("add words at run time, with Latin, digits, spaces and punctuation", function()
    local m = sj.new()
    assert.equal("魏凤|和", table.concat(m:cut("魏凤和"), "|"))
    m:add_word("魏凤和", nil, "nr")
    assert.equal("魏凤和", table.concat(m:cut("魏凤和"), "|"))
    m:add_word("C++ 程序", 100, "nz")
    assert.equal("学习|C++ 程序", table.concat(m:cut("学习C++ 程序"), "|"))
    local f, pos = m:lookup("魏凤和")
    assert.is_number(f)
    assert.equal("nr", pos)
    -- the default model is not touched
    assert.equal("魏凤|和", words("魏凤和"))
    m:close()
  end)
  it("load user dictionaries all or nothing, naming file and line", function()
    local path = os.tmpname()
    local f = assert(io.open(path, "wb"))
    f:write("\239\187\191# comment\r\n甲乙丙丁 10 nz\r\n\r\nAB CD\t5\tnz\n")
    f:close()
    local m = sj.new { dict = path }
    assert.equal(2, m:user_words())
    assert.equal("甲乙丙丁", m:cut("甲乙丙丁")[1])
    f = assert(io.open(path, "wb"))
    f:write("戊己庚 10 nz\n坏行 abc nz\n")
    f:close()
    local ok, err = pcall(m.load_dict, m, path)
    assert.is_false(ok)
    assert.matches(path:gsub("%p", "%%%0") .. ":2: bad frequency", err)
    assert.equal(2, m:user_words())
    assert.is_nil(m:lookup("戊己庚"))
    os.remove(path)
  end)
  it("raise clear errors for bad arguments, and safe returns nil, err", function()
    local ok, err = pcall(sj.cut, 42)
    assert.is_false(ok)
    assert.matches("string expected, got number", err)
    ok, err = pcall(sj.cut, nil)
    assert.is_false(ok)
    assert.matches("string expected, got nil", err)
    local r, e = sj.safe.cut({})
    assert.is_nil(r)
    assert.matches("string expected", e)
    assert.same({ "中国" }, (sj.safe.cut("中国")))
    ok, err = pcall(sj.analyze, "中国", { ref = "yesterday" })
    assert.is_false(ok)
    assert.matches("option 'ref'", err)
    local m = sj.new()
    m:close()
    ok, err = pcall(m.cut, m, "中国")
    assert.is_false(ok)
    assert.matches("model is closed", err)
    ok, err = pcall(sj.new().add_word, sj.new(), "")
    assert.is_false(ok)
    assert.matches("empty word", err)
  end)
end)
