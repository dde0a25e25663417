-- The shijian command, run as a process.
local bin = "./build/shijian"

local function run(args, input)
  local tmp = os.tmpname()
  if input then
    local f = assert(io.open(tmp, "wb")); f:write(input); f:close()
  end
  local p = io.popen(bin .. " " .. args .. (input and (" < " .. tmp) or "") .. " 2>&1; echo \"exit=$?\"")
  local out = p:read("*a")
  p:close()
  os.remove(tmp)
  local code = tonumber(out:match("exit=(%d+)%s*$"))
  return out:gsub("exit=%d+%s*$", ""), code
end

local has_cjson, cjson = pcall(require, "cjson")

describe("shijian cut", function()
  it("writes each line's words separated by two spaces", function()
    local out, code = run("cut", "中俄两国空军实施联合空中战略巡航\n\n2020年12月22日\n")
    assert.equal(0, code)
    assert.equal("中  俄  两国  空军  实施  联合  空中  战略  巡航\n\n2020年12月22日\n", out)
  end)
  it("takes a user dictionary with --dict", function()
    local dict = os.tmpname()
    local f = assert(io.open(dict, "wb")); f:write("魏凤和 10 nr\n"); f:close()
    local out = run("cut --dict " .. dict, "魏凤和访问了文莱\n")
    os.remove(dict)
    assert.equal("魏凤和  访问  了  文莱\n", out)
  end)
  it("fails with a message and a non-zero status", function()
    local out, code = run("cut /nonexistent/file.txt")
    assert.equal(1, code)
    assert.matches("nonexistent/file.txt", out)
    out, code = run("frobnicate", "")
    assert.equal(2, code)
    assert.matches("unknown command", out)
    out, code = run("cut --dict", "")
    assert.equal(2, code)
    assert.matches("dict", out)
    local bad = os.tmpname()
    local f = assert(io.open(bad, "wb")); f:write("好词 1 n\n坏词 x n\n"); f:close()
    out, code = run("cut --dict " .. bad, "")
    os.remove(bad)
    assert.equal(1, code)
    assert.matches(":2: bad frequency", out)
  end)
  it("prints help", function()
    local out, code = run("--help")
    assert.equal(0, code)
    assert.matches("usage: shijian", out)
    -- the events columns, in the order `events --csv` names them
    local header = run("events --csv", "12月22日，中俄两国空军实施联合空中战略巡航。\n"):match("^[^\n]*")
    assert.equal("date,cameo,label,sources,targets,place,trigger,text", header)
    local help = out:gsub("%s+", " ")
    assert.truthy(help:find(header:gsub(",", ", "), 1, true), "help lists the events columns " .. header)
  end)
end)

describe("shijian tag", function()
  it("writes one JSON object with byte offsets into the input", function()
    local text = "6月24日，中国军队访问了莫斯科。"
    local out, code = run("tag --ref 2020", text)
    assert.equal(0, code)
    assert.matches('^{"ref_year":2020', out)
    if has_cjson then
      local doc = cjson.decode(out)
      assert.equal(1, #doc.sentences)
      for _, m in ipairs(doc.mentions) do
        assert.equal(m.text, text:sub(m.start + 1, m["end"]))
      end
      local t = doc.mentions[1]
      assert.equal("time", t.kind)
      assert.equal("2020-06-24", t.value)
    end
  end)
  it("writes JSON Lines with offsets into the whole input under --lines", function()
    local text = "第一行。\n6月24日，中国军队访问了莫斯科。\n"
    local out, code = run("tag --lines --ref 2020", text)
    assert.equal(0, code)
    local lines = {}
    for l in out:gmatch("[^\n]+") do lines[#lines + 1] = l end
    assert.equal(2, #lines)
    if has_cjson then
      local doc = cjson.decode(lines[2])
      local m = doc.mentions[1]
      assert.equal(m.text, text:sub(m.start + 1, m["end"]))
    end
  end)
  it("writes numbers in the shortest form that reads back to the same double", function()
    -- 7.8 and 2.3 are not exact in binary: %.17g gives 7.7999999999999998
    local out, code = run("tag", "地震7.8级，余震2.3级，派出舰艇8艘。\n")
    assert.equal(0, code)
    assert.truthy(out:find('"value":7.8,', 1, true), out)
    assert.truthy(out:find('"value":2.3,', 1, true), out)
    assert.truthy(out:find('"value":8,', 1, true), out)
    assert.is_nil(out:find("%d%.%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d"), out)
    if has_cjson then
      local values = {}
      for _, m in ipairs(cjson.decode(out).mentions) do
        if m.kind == "quantity" then values[#values + 1] = m.value end
      end
      assert.same({ 7.8, 2.3, 8 }, values)
    end
  end)
  it("stays valid JSON and UTF-8 on invalid input bytes", function()
    local out, code = run("tag --tokens", "中\255国\0\"\\\n")
    assert.equal(0, code)
    assert.is_nil(out:find("\255", 1, true))
    if has_cjson then assert.is_table(cjson.decode(out)) end
  end)
end)

describe("shijian events", function()
  it("writes a tab-separated timeline in date order", function()
    local out, code = run("events --ref 2020", "12月15日，中俄国防部长举行视频会议。6月24日，中国军队访问了俄罗斯。\n")
    assert.equal(0, code)
    local dates = {}
    for l in out:gmatch("[^\n]+") do
      local cols = {}
      for c in (l .. "\t"):gmatch("([^\t]*)\t") do cols[#cols + 1] = c end
      assert.equal(8, #cols)
      dates[#dates + 1] = cols[1]
    end
    assert.is_true(#dates >= 2)
    for i = 2, #dates do
      if dates[i] ~= "" and dates[i - 1] ~= "" then assert.is_true(dates[i - 1] <= dates[i]) end
    end
  end)
end)
