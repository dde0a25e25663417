-- shijian tag --jsonl: JSON Lines records {"id", "date", "text"} in, one
-- result per record out, each record's date its reference date.
local bin = "./build/shijian"
local cjson = require "cjson"

local function run(args, input)
  local tmp = os.tmpname()
  local f = assert(io.open(tmp, "wb")); f:write(input); f:close()
  local p = io.popen(bin .. " " .. args .. " < " .. tmp .. " 2>/dev/null; echo \"exit=$?\"")
  local out = p:read("*a")
  p:close()
  os.remove(tmp)
  local code = tonumber(out:match("exit=(%d+)%s*$"))
  local results = {}
  for line in out:gsub("exit=%d+%s*$", ""):gmatch("[^\n]+") do results[#results + 1] = cjson.decode(line) end
  return results, code
end

local function time_value(r, text)
  for _, m in ipairs(r.mentions) do
    if m.kind == "time" and m.text == text then return m.value end
  end
end

describe("shijian tag --jsonl", function()
  it("analyses each record against its own date and echoes its id", function()
    local input = cjson.encode({ id = "a-1", date = "1999-03-04", text = "外长今天会见了来访的泰国外长。" }) .. "\n"
      .. cjson.encode({ id = 7, date = "2001-10-01", text = "外长今天会见了来访的泰国外长。" }) .. "\n"
    local rs, code = run("tag --jsonl", input)
    assert.equal(0, code)
    assert.equal(2, #rs)
    assert.equal("a-1", rs[1].id)
    assert.equal(7, rs[2].id)
    assert.equal("1999-03-04", time_value(rs[1], "今天"))
    assert.equal("2001-10-01", time_value(rs[2], "今天"))
    assert.equal("1999-03-04", rs[1].events[1].date)
    assert.same({ "THA" }, rs[1].events[1].targets)
  end)
  it("takes --ref for records without a date, and nothing from the record before", function()
    local input = '{"id":1,"date":"1998-01-07","text":"昨天"}\n{"id":2,"text":"昨天"}\n{"id":3,"text":"昨天"}\n'
    local rs = run("tag --jsonl", input)
    assert.equal("1998-01-06", time_value(rs[1], "昨天"))
    assert.is_nil(time_value(rs[2], "昨天"):match("^1998")) -- not carried from record 1
    rs = run("tag --jsonl --ref 2005-05-05", input)
    assert.equal("1998-01-06", time_value(rs[1], "昨天"))
    assert.equal("2005-05-04", time_value(rs[2], "昨天"))
  end)
  it("decodes JSON escapes, surrogate pairs included; offsets are bytes of the decoded text", function()
    local rs, code = run("tag --jsonl", '{"text":"\\u4e2d\\u56fd\\ud83d\\ude00\\u4fc4\\u7f57\\u65af","id":null}\n')
    assert.equal(0, code)
    local m = rs[1].mentions[1]
    assert.equal("中国", m.text)
    assert.same({ 0, 6 }, { m.start, m["end"] })
    assert.equal(10, rs[1].mentions[2].start) -- after the 4-byte emoji
  end)
  it("keeps going past bad records, with an error object in their place and exit status 1", function()
    local input = 'not json\n\n{"id":"x","text":5}\n{"id":{"k":[1,2]},"date":"1998-13","text":"x"}\n'
      .. '{"id":"y"}\n{"id":"z","text":"中国"}\n{"id":"w","text":"中国"} trailing\n'
    local rs, code = run("tag --jsonl", input)
    assert.equal(1, code)
    assert.equal(6, #rs) -- the blank line is skipped
    assert.equal("not a JSON object", rs[1].error)
    assert.equal("x", rs[2].id); assert.matches("not a string", rs[2].error)
    assert.same({ k = { 1, 2 } }, rs[3].id); assert.matches("date", rs[3].error)
    assert.equal("y", rs[4].id); assert.matches("no \"text\"", rs[4].error)
    assert.equal("z", rs[5].id); assert.is_nil(rs[5].error); assert.equal("中国", rs[5].mentions[1].text)
    assert.equal("w", rs[6].id); assert.matches("after the object", rs[6].error)
  end)
  it("refuses --jsonl with other commands", function()
    local _, code = run("events --jsonl", "")
    assert.equal(2, code)
  end)
end)
