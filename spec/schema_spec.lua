-- spec/schema_spec.lua — one schema (docs/schema.md): the command's JSON
-- (`shijian tag --whole --tokens`, `tag --jsonl`) and the Lua tables of
-- sj.analyze agree field for field on the sample.  Positions differ only as
-- documented: Lua has first = start + 1 and last = end besides start/end,
-- and para counts from 1 in Lua (an index into doc.paragraphs), from 0 in
-- JSON; a JSON null is an absent field in Lua.
local sj = require "shijian"
local fixture = require "spec.fixture"

local SAMPLE = "examples/pla-intl-cooperation-2020.txt"
local bin = "./build/shijian"

local ok_cjson, cjson = pcall(require, "cjson")
local json, null
if ok_cjson then
  json, null = cjson.decode, cjson.null
else
  local pj = require("shijian.pandoc").json
  json, null = pj.decode, pj.null
end

local function cli(args)
  local p = assert(io.popen(bin .. " " .. args))
  local out = p:read("*a")
  p:close()
  return out
end

-- Lua fields that JSON does not have (docs/schema.md, "Lua only")
local LUA_ONLY = { first = true, last = true }

-- compare JSON value j with Lua value l at path; report to errs
local function agree(j, l, path, errs)
  if #errs > 20 then return end
  if j == null then
    if l ~= nil then errs[#errs + 1] = path .. ": null in JSON, " .. tostring(l) .. " in Lua" end
    return
  end
  if type(j) ~= "table" then
    if j ~= l then errs[#errs + 1] = ("%s: %s in JSON, %s in Lua"):format(path, tostring(j), tostring(l)) end
    return
  end
  if type(l) ~= "table" then errs[#errs + 1] = path .. ": a table in JSON, " .. type(l) .. " in Lua"; return end
  if #j > 0 or next(j) == nil then -- an array (or empty)
    if #j ~= #l then errs[#errs + 1] = ("%s: %d items in JSON, %d in Lua"):format(path, #j, #l) end
    for i = 1, math.min(#j, #l) do agree(j[i], l[i], path .. "[" .. i .. "]", errs) end
    return
  end
  for k, v in pairs(j) do
    local lv = l[k]
    if k == "para" and type(v) == "number" then lv = lv and lv - 1 end
    agree(v, lv, path .. "." .. k, errs)
  end
  for k, v in pairs(l) do
    if LUA_ONLY[k] then
      local s, e = l.start, l["end"]
      if (k == "first" and v ~= s + 1) or (k == "last" and v ~= e) then
        errs[#errs + 1] = ("%s.%s = %s, start/end %s/%s"):format(path, k, tostring(v), tostring(s), tostring(e))
      end
    elseif j[k] == nil then
      errs[#errs + 1] = path .. "." .. k .. ": in Lua, not in JSON"
    end
  end
end

local SECTIONS = { "sentences", "clauses", "paragraphs", "tokens", "mentions", "events" }

local function check(j, doc, sections)
  local errs = {}
  for _, k in ipairs { "ref_year", "ref", "script" } do agree(j[k], doc[k], k, errs) end
  for _, key in ipairs(sections) do
    assert.is_table(j[key], key .. " in JSON")
    assert.is_true(#j[key] > 0, key .. " is empty: the test would prove nothing")
    agree(j[key], doc[key], key, errs)
  end
  assert.same({}, errs)
end

describe("one schema for JSON and Lua", function()
  local text = assert(fixture.read(SAMPLE))

  it("shijian tag --whole --tokens --spans and sj.analyze agree field for field on the sample", function()
    local j = json(cli("tag --whole --tokens --spans " .. SAMPLE))
    local doc = sj.analyze(text)
    check(j, doc, SECTIONS)
    -- and the document has no field the JSON lacks
    for k in pairs(doc) do assert.is_not_nil(j[k], k .. " in Lua, not in JSON") end
    -- every kind of mention and the optional fields are exercised
    local kinds = {}
    for _, m in ipairs(doc.mentions) do kinds[m.kind] = true end
    for _, k in ipairs { "time", "duration", "actor", "place", "name", "quantity" } do
      assert.is_true(kinds[k], k)
    end
  end)

  it("a tag --jsonl record and sj.analyze with its date agree", function()
    local para
    for line in text:gmatch("[^\n]+") do
      if #line > 300 then para = line; break end
    end
    local f = os.tmpname()
    local h = assert(io.open(f, "wb"))
    h:write(('{"id":"a","date":"2020-12-31","text":%s}\n'):format(cjson and cjson.encode(para)
      or ('"' .. para:gsub('[\\"]', "\\%0"):gsub("\n", "\\n") .. '"')))
    h:close()
    local j = json(cli("tag --jsonl --tokens --spans " .. f))
    os.remove(f)
    assert.equal("a", j.id)
    check(j, sj.analyze(para, { ref = "2020-12-31" }), SECTIONS)
  end)

  it("shijian tag (paragraph by paragraph) and sj.each_paragraph agree on the sample", function()
    for _, chunk in ipairs { 1048576, 2000 } do
      local j = json(cli(("tag --tokens --spans --chunk %d %s"):format(chunk, SAMPLE)))
      local all = {}
      for _, k in ipairs(SECTIONS) do all[k] = {} end
      local docs = 0
      for doc in sj.each_paragraph(SAMPLE, { max_bytes = chunk }) do
        docs = docs + 1
        all.ref_year = all.ref_year or (doc.ref_year ~= 0 and doc.ref_year or nil)
        for _, k in ipairs(SECTIONS) do
          for _, x in ipairs(doc[k]) do table.insert(all[k], x) end
        end
      end
      assert.is_true(docs > 10)
      all.ref_year = all.ref_year or 0
      local errs = {}
      agree(j.ref_year, all.ref_year, "ref_year", errs)
      for _, k in ipairs(SECTIONS) do
        -- (the command's pieces keep the blank lines after a paragraph, so
        -- its tokens include them; the stream's chunks do not)
        if k ~= "tokens" then agree(j[k], all[k], k, errs) end
      end
      assert.same({}, errs)
    end
  end)

  it("the events command shows the fields of the JSON events", function()
    local j = json(cli("tag --whole " .. SAMPLE))
    local rows = {}
    for line in cli("events --whole " .. SAMPLE):gmatch("[^\n]+") do rows[#rows + 1] = line end
    assert.equal(#j.events, #rows)
    local seen = {}
    for _, r in ipairs(rows) do seen[r] = true end
    for _, e in ipairs(j.events) do
      local s = text:sub(e.sentence.start + 1, e.sentence["end"]):gsub("[\t\r\n]", " ")
      local row = table.concat({ e.date ~= null and e.date or "", e.cameo, e.label ~= null and e.label or "",
        table.concat(e.sources, " "), table.concat(e.targets, " "), e.place ~= null and e.place or "",
        e.trigger.text, s }, "\t")
      assert.is_true(seen[row], row)
    end
  end)
end)
