-- spec/frontend_spec.lua — the core's one definition of blank lines
-- (paragraph boundaries), of cutting overlong pieces and of reference
-- dates (shijian.h: sj_blank_line, sj_cut_piece, sj_parse_date), as data,
-- through the binding, the Lua API, the command and the stream helpers.
local sj = require "shijian"
local core = require "shijian.core"
local fixture = require "spec.fixture"

local function unescape(s)
  s = s:gsub("\\u{(%x+)}", function(h) return utf8 and utf8.char(tonumber(h, 16)) or error("utf8") end)
  s = s:gsub("\\x(%x%x)", function(h) return string.char(tonumber(h, 16)) end)
  local map = { t = "\t", r = "\r", n = "\n", s = " ", f = "\f", v = "\v", ["\\"] = "\\" }
  return (s:gsub("\\(.)", map))
end

local bin = "./build/shijian"
local function run(args, input)
  local tmp = os.tmpname()
  local f = assert(io.open(tmp, "wb")); f:write(input or ""); f:close()
  local p = io.popen(bin .. " " .. args .. " < " .. tmp .. " 2>&1; echo \"exit=$?\"")
  local out = p:read("*a")
  p:close()
  os.remove(tmp)
  local code = tonumber(out:match("exit=(%d+)%s*$"))
  return (out:gsub("exit=%d+%s*$", "")), code
end

-- utf8.char is Lua 5.3+; LuaJIT gets the fixtures' \u{...} through this
if not utf8 then
  utf8 = { char = function(c) -- luacheck: ignore 121
    if c < 0x80 then return string.char(c) end
    if c < 0x800 then return string.char(0xC0 + math.floor(c / 64), 0x80 + c % 64) end
    return string.char(0xE0 + math.floor(c / 4096), 0x80 + math.floor(c / 64) % 64, 0x80 + c % 64)
  end }
end

describe("blank lines (sj_blank_line)", function()
  for _, c in ipairs(fixture.cases("spec/fixtures/blank_lines.tsv", 2)) do
    it(("line %d: %q is %s"):format(c.line, c[1], c[2]), function()
      local line = unescape(c[1])
      assert.equal(c[2] == "blank", core.blank_line(line))
      assert.equal(c[2] == "blank", sj.blank_line(line))
    end)
  end

  it("end paragraphs the same way in the core, the command and the stream helpers", function()
    -- paragraphs separated by lines of U+3000, of U+00A0 and of spaces
    local text = "2020年5月3日，甲国外长访问乙国。\n\227\128\128\227\128\128\n"
      .. "乙国总统会见了甲国外长。\n\194\160\n双方签署了协议。\n   \n次日，外长回国。\n"
    local doc = sj.analyze(text)
    assert.equal(4, #doc.paragraphs)
    local n = 0
    for d in sj.each_paragraph(function() local s = text; text = nil; return s end) do
      n = n + 1
      assert.equal(1, #d.paragraphs)
    end
    assert.equal(4, n)
  end)
end)

describe("cutting overlong pieces (sj_cut_piece)", function()
  for _, c in ipairs(fixture.cases("spec/fixtures/cut_pieces.tsv", 3)) do
    it(("line %d: %q at %s bytes"):format(c.line, c[1], c[2]), function()
      local text, want = unescape(c[1]), unescape(c[3])
      assert.equal(#want, core.cut_piece(text, tonumber(c[2])))
      assert.equal(#want, sj.cut_piece(text, tonumber(c[2])))
    end)
  end

  it("cut the stream helpers' paragraphs where the command cuts them", function()
    local line = "甲国与乙国举行会谈，双方就合作交换意见。"
    local text = ("%s%s\n%s\n"):format(line, line, line)
    for _, max in ipairs { 20, 64, 100, 130 } do
      local pieces = {}
      for d in sj.each_paragraph(function() local s = text; text = nil; return s end, { max_bytes = max }) do
        pieces[#pieces + 1] = d.offset
        assert.is_true(#d.text <= max)
      end
      text = ("%s%s\n%s\n"):format(line, line, line)
      -- the command's pieces: one JSON object per piece is not shown, but its
      -- sentences never straddle a cut, so compare the sentence starts
      local out, code = run("tag --chunk " .. max, text)
      assert.equal(0, code)
      local starts = {}
      for s in out:gmatch('"sentences":%[(.-)%]') do
        for st in s:gmatch('"start":(%d+)') do starts[#starts + 1] = tonumber(st) end
      end
      local seen = {}
      for _, s in ipairs(starts) do seen[s] = true end
      for _, off in ipairs(pieces) do assert.is_true(seen[off], "piece at " .. off .. " " .. out) end
    end
  end)
end)

describe("reference dates (sj_parse_date)", function()
  for _, c in ipairs(fixture.cases("spec/fixtures/dates.tsv", 2)) do
    it(("line %d: %q"):format(c.line, c[1]), function()
      local s = unescape(c[1])
      local y, m, d = core.parse_date(s)
      local msg = c[2]:match("^error:(.*)")
      if msg then
        assert.is_nil(y)
        assert.matches(msg, m, 1, true)
        -- the Lua option, the command's --ref and a tag --jsonl record say the same
        assert.error_matches(function() sj.analyze("今天", { ref = s }) end, msg, 1, true)
        if s ~= "" and not s:find("^[-+ ]") then
          local out, code = run("tag --ref '" .. s .. "'", "今天")
          assert.equal(2, code)
          assert.matches("bad reference date", out, 1, true)
          assert.matches(msg, out, 1, true)
        end
        if s ~= "" and not s:find("[\"\\]") then -- (an empty "date" is no date)
          local out = run("tag --jsonl", '{"id":1,"date":"' .. s .. '","text":"今天"}\n')
          assert.matches(msg, out, 1, true)
        end
      else
        assert.equal(c[2], ("%d-%d-%d"):format(y, m, d))
        assert.same({ y, m, d }, { sj.parse_date(s) })
        local doc = sj.analyze("今天", { ref = s })
        assert.equal(y, doc.ref_year)
        local out, code = run("tag --ref " .. s, "今天")
        assert.equal(0, code)
        assert.matches('"ref_year":' .. y, out, 1, true)
      end
    end)
  end
end)
