-- spec/pandoc/unit.lua — unit tests of lua/shijian/pandoc.lua, run inside the
-- real pandoc:   pandoc -f markdown -t plain -L spec/pandoc/unit.lua -o /dev/null </dev/null
-- Prints one "ok - …" or "not ok - …" line per check on stdout.
-- The markup tests use hand-made mentions, so they do not depend on the tagger.
local here = PANDOC_SCRIPT_FILE:match("^(.*)[/\\]") or "."
local root = here .. "/../.."
local abi = "lua" .. _VERSION:match("%d+%.%d+")
package.path = root .. "/lua/?.lua;" .. root .. "/lua/?/init.lua;" .. package.path
package.cpath = root .. "/build/" .. abi .. "/?.so;" .. package.cpath

local P = require "shijian.pandoc"

local function out(s) io.stdout:write(s, "\n") end
local function check(name, cond, detail)
  if cond then out("ok - " .. name)
  else out("not ok - " .. name .. (detail and (": " .. tostring(detail)) or "")) end
end
local function eq(name, got, want)
  check(name, got == want, "got " .. tostring(got) .. ", want " .. tostring(want))
end

-- compact rendering of inlines: [text]{kind#id} for shijian spans
local function ser(inls)
  local b = {}
  for _, el in ipairs(inls) do
    local t = el.t or el.tag
    if t == "Str" then b[#b + 1] = el.text
    elseif t == "Space" then b[#b + 1] = " "
    elseif t == "SoftBreak" then b[#b + 1] = "\n"
    elseif t == "Emph" then b[#b + 1] = "*" .. ser(el.content) .. "*"
    elseif t == "Strong" then b[#b + 1] = "**" .. ser(el.content) .. "**"
    elseif t == "Link" then b[#b + 1] = "<" .. ser(el.content) .. ">"
    elseif t == "Quoted" then b[#b + 1] = "“" .. ser(el.content) .. "”"
    elseif t == "Note" then b[#b + 1] = "^"
    elseif t == "Code" then b[#b + 1] = "`" .. el.text .. "`"
    elseif t == "Span" then
      local cls = el.classes[2] or el.classes[1] or ""
      local id = el.identifier ~= "" and ("#" .. el.identifier) or ""
      b[#b + 1] = "[" .. ser(el.content) .. "]{" .. cls .. id .. "}"
    else b[#b + 1] = "<" .. t .. ">" end
  end
  return table.concat(b)
end

local function strs_merged(inls)
  local prev
  local okm = true
  for _, el in ipairs(inls) do
    local t = el.t or el.tag
    if t == "Str" and prev == "Str" then okm = false end
    prev = t
    if el.content and type(el.content) ~= "string" and (t ~= "Note") then
      if not strs_merged(el.content) then okm = false end
    end
  end
  return okm
end

local O = { east_asian = true, html = false, custom_style = false, kinds = {} }

local function inlines(md)
  return pandoc.read(md, "markdown").blocks[1].content
end

-- mark up `md`, with mentions given as {kind, substring[, occurrence]} or
-- {kind, first_sub, last_sub}: byte ranges looked up in the analysed text
local function mark(md, specs, o)
  o = o or O
  local inls = inlines(md)
  local text, drops = P.run_text(inls, o)
  local ms = {}
  for i, sp in ipairs(specs) do
    local s, e = text:find(sp[2], 1, true)
    assert(s, "no '" .. sp[2] .. "' in '" .. text .. "'")
    if sp[3] then
      local _, e2 = text:find(sp[3], s, true)
      e = e2
    end
    ms[#ms + 1] = { kind = sp[1], s = s - 1, e = e, order = i, id = sp.id,
      sources = {}, targets = {}, value = sp.value }
  end
  ms = P.nest(ms)
  local res = P.markup(inls, ms, drops, o)
  return ser(res), res, text
end

-- 1. markup ---------------------------------------------------------------
eq("mention over plain text",
  mark("国防部长魏凤和会见外宾", { { "actor", "魏凤和" } }),
  "国防部长[魏凤和]{actor}会见外宾")
eq("formatting inside a mention stays inside its span",
  mark("2021年*6月24日*会见", { { "time", "2021年6月24日" } }),
  "[2021年*6月24日*]{time}会见")
eq("mention crossing the end of Emph is split, not lost",
  mark("*会见俄罗斯国防*部长", { { "actor", "俄罗斯国防部长" } }),
  "*会见[俄罗斯国防]{actor}*[部长]{actor}")
eq("formatting wholly inside a mention is wrapped whole",
  mark("会见*俄罗斯国防*部长", { { "actor", "俄罗斯国防部长" } }),
  "会见[*俄罗斯国防*部长]{actor}")
eq("mention crossing the start of Strong is split",
  mark("**中俄两国**空军巡航", { { "actor", "两国空军" } }),
  "**中俄[两国]{actor}**[空军]{actor}巡航")
eq("mention across three formats",
  mark("*会见于2021年*6月**24日下午**", { { "time", "2021年6月24日" } }),
  "*会见于[2021年]{time}*[6月]{time}**[24日]{time}下午**")
eq("mention crossing a link",
  mark("[见国防部](http://x)网站", { { "place", "国防部网" } }),
  "<见[国防部]{place}>[网]{place}站")
eq("nested mentions nest",
  mark("举行海上联合-2021演习", { { "name", "海上联合-2021" }, { "name", "联合-2021" } }),
  "举行[海上[联合-2021]{name}]{name}演习")
eq("a partly overlapping mention is dropped",
  mark("中俄两国空军", { { "actor", "中俄两国" }, { "actor", "两国空军" } }),
  "[中俄两国]{actor}空军")
eq("nested mention inside a split mention",
  mark("*会见俄罗斯国防*部长", { { "actor", "俄罗斯国防部长" }, { "place", "俄罗斯" } }),
  "*会见[[俄罗斯]{place}国防]{actor}*[部长]{actor}")
eq("event id only on the first piece",
  mark("*双方联合*演习", { { "event", "联合演习", id = "e1" } }),
  "*双方[联合]{event#e1}*[演习]{event}")
eq("event id on the first piece in document order",
  mark("双方联合*演习结束*", { { "event", "联合演习", id = "e1" } }),
  "双方[联合]{event#e1}*[演习]{event}结束*")
eq("quoted name keeps its quotes outside",
  mark('举行 "海上联合-2021" 演习', { { "name", "海上联合-2021" } }),
  "举行 “[海上联合-2021]{name}” 演习")
eq("mention including the quotes wraps the Quoted",
  mark('举行 "海上联合-2021" 演习', { { "name", "“海上联合-2021”" } }),
  "举行 [“海上联合-2021”]{name} 演习")
eq("a note inside a mention stays inside",
  mark("联合[^1]演习\n\n[^1]: 注", { { "event", "联合演习" } }),
  "[联合^演习]{event}")
eq("a note right after a mention stays outside",
  mark("联合演习[^1]。\n\n[^1]: 注", { { "event", "联合演习" } }),
  "[联合演习]{event}^。")
eq("code is never marked and never joins words",
  (mark("在`北京`会见", { { "event", "会见" } })),
  "在`北京`[会见]{event}")
do
  local _, _, text = mark("在`北京`会见", {})
  eq("code contributes a space to the analysed text", text, "在 会见")
end
do
  local s, res = mark("*会见俄罗斯国防*部长，**中俄两国**空军", {
    { "actor", "俄罗斯国防部长" }, { "actor", "两国空军" } })
  check("adjacent Str are merged after splitting", strs_merged(res), s)
end
eq("no mentions: inlines unchanged", mark("会见*俄罗斯*部长", {}), "会见*俄罗斯*部长")


-- 1b. a run of one Str: the filter's direct way (markup_str) gives the same
-- inlines as the general one (pieces, then wrap) ------------------------------
do
  local function specs_ms(text, specs)
    local ms = {}
    for i, sp in ipairs(specs) do
      local s, e = text:find(sp[2], sp.from or 1, true)
      ms[#ms + 1] = { kind = sp[1], s = s - 1, e = e, order = i, id = sp.id, cameo = sp.cameo,
        sources = { "CHN" }, targets = {}, value = sp.value, codes = sp.codes }
    end
    return P.nest(ms)
  end
  local function native(inls)
    return pandoc.write(pandoc.Pandoc({ pandoc.Para(inls) }), "native")
  end
  local text = "中国国防部长会见俄罗斯国防部长，中国与俄罗斯举行联合演习。"
  local cases = {
    { "one mention", { { "actor", "俄罗斯", codes = { "RUS" } } } },
    { "at both ends", { { "actor", "中国", codes = { "CHN" } }, { "name", "联合演习。" } } },
    { "adjacent, repeated (one shared span)", { { "actor", "中国", codes = { "CHN" } },
      { "actor", "国防部长" }, { "actor", "中国", codes = { "CHN" }, from = 10 } } },
    { "event over an actor, and an event alone", { { "event", "会见俄罗斯", id = "e1", cameo = "040" },
      { "actor", "俄罗斯", codes = { "RUS" } }, { "event", "举行", id = "e2", cameo = "040" } } },
    { "event and mention of one span", { { "event", "联合演习", id = "e3", cameo = "062" },
      { "name", "联合演习" } } },
  }
  for _, c in ipairs(cases) do
    local general = P.markup({ pandoc.Str(text) }, specs_ms(text, c[2]), {}, O)
    local direct = P.markup_str(text, specs_ms(text, c[2]), O)
    eq("one Str, " .. c[1] .. ": direct = general", native(direct), native(general))
  end
end

-- 2. east-Asian line breaks ------------------------------------------------
do
  local text = P.run_text(inlines("中国\n军队"), O)
  eq("SoftBreak between CJK dropped from text", text, "中国军队")
  eq("SoftBreak between CJK dropped from output", mark("中国\n军队", {}), "中国军队")
  eq("SoftBreak dropped across formatting", mark("中国\n*军队*", {}), "中国*军队*")
  eq("SoftBreak after CJK punctuation dropped", mark("访问。\n会见", {}), "访问。会见")
  eq("SoftBreak kept between Latin and CJK", mark("China\n军队", {}), "China\n军队")
  eq("SoftBreak kept between Latin words", mark("China\narmy", {}), "China\narmy")
  local o2 = { east_asian = false, html = false, kinds = {} }
  eq("option off keeps the SoftBreak", mark("中国\n军队", {}, o2), "中国\n军队")
  local t2 = P.run_text(inlines("中国\n军队"), o2)
  eq("option off: SoftBreak is a space in the text", t2, "中国 军队")
  eq("word across a dropped break is marked",
    mark("国防部长魏\n凤和会见", { { "actor", "魏凤和" } }), "国防部长[魏凤和]{actor}会见")
  check("is_cjk", P.is_cjk(0x4E2D) and P.is_cjk(0x3002) and P.is_cjk(0xFF0C)
    and not P.is_cjk(0x41) and not P.is_cjk(0xE9))
end

-- 3. attributes --------------------------------------------------------------
do
  local inls = inlines("会见")
  local m = { kind = "event", s = 0, e = 6, cameo = "040", root = "04", label = "consult",
    date = "2020-12-09", sources = { "CHN" }, targets = { "RUS" }, place = "北京",
    future = true, id = "shijian-e1" }
  local oh = { html = true, custom_style = true, kinds = {} }
  local res = P.markup(inls, { m }, {}, oh)
  local sp = res[1]
  local kv = {}
  for k, v in pairs(sp.attributes) do kv[k] = v end
  eq("html: data- prefix", kv["data-cameo"], "040")
  eq("html: title is the tooltip", kv.title, "event 040 consult · 2020-12-09 · CHN → RUS · 北京 · future")
  eq("custom-style for docx", kv["custom-style"], "Shijian Event")
  check("future class", sp.classes[3] == "future", table.concat(sp.classes, " "))
  check("event marked placed", m.placed == true)
  local q = { kind = "quantity", s = 0, e = 6, value = 50.0, unit = "架次", approx = true }
  local r2 = P.markup(inlines("五十"), { q }, {}, { kinds = {} })
  local kv2 = {}
  for k, v in pairs(r2[1].attributes) do kv2[k] = v end
  eq("quantity value as the CLI writes it", kv2.value, "50")
  eq("approx attribute", kv2.approx, "true")
  eq("quantity tooltip", kv2.title, "quantity: ~50 架次")
end

-- 3b. the event table: an event's cell is one Plain, flags and all ----------
do
  local evs = {
    { id = "shijian-e1", text = "meet", placed = true, cameo = "040", label = "consult",
      sources = { "CHN" }, targets = { "RUS" }, date = "2020-12-09" },
    { id = "shijian-e2", text = "visit", placed = true, cameo = "042", label = "make a visit",
      sources = { "CHN" }, targets = {}, negated = true, future = true },
  }
  local tbl = P.event_table(evs, { lang = "en", kinds = {} })
  local nat = pandoc.write(pandoc.Pandoc({ tbl }), "native"):gsub("%s+", " ")
  check("event cell: link and flags in one Plain",
    nat:find('Plain %[ Link %( "" , %[%] , %[%] %) %[ Str "visit" %] %( "#shijian%-e2" , "" %) , Space , Str "%(negated, future%)" %]') ~= nil, nat)
  check("event cell: a link alone is one Plain",
    nat:find('Plain %[ Link %( "" , %[%] , %[%] %) %[ Str "meet" %] %( "#shijian%-e1" , "" %) %]') ~= nil, nat)
  check("text cells: one Str, spaces kept", nat:find('Plain %[ Str "CHN" %]') ~= nil and
    nat:find('Plain %[ Str "2020%-12%-09" %]') ~= nil, nat)
end

-- 4. JSON --------------------------------------------------------------------
do
  local J = P.json
  local v = J.decode('{"a":[1,2.5,-3e2,true,false,null],"s":"x\\"\\\\\\n\\u4e2d\\ud83d\\ude00","o":{}}')
  eq("json numbers", v.a[1] + v.a[2] + v.a[3], 1 + 2.5 - 300)
  check("json booleans and null", v.a[4] == true and v.a[5] == false and v.a[6] == nil)
  eq("json string escapes", v.s, 'x"\\\n中😀')
  local enc = J.encode(J.obj { { "b", "中\"\n" }, { "a", { 1, 2 } }, { "n", J.null } })
  eq("json encode with ordered keys", enc, '{\n  "b": "中\\"\\n",\n  "a": [1, 2],\n  "n": null\n}')
  eq("json round trip", J.decode(enc).b, "中\"\n")
  check("json rejects garbage", not pcall(J.decode, '{"a":1} x'))
  eq("json numbers shortest round-trip: 7.8", J.encode(7.8), "7.8")
  eq("json numbers shortest round-trip: 0.1 + 0.2", J.encode(0.1 + 0.2), "0.30000000000000004")
  eq("json numbers shortest round-trip: 1/3 (16 digits)", J.encode(1 / 3), "0.3333333333333333")
  local back = true
  for _, x in ipairs { 7.8, 1 / 3, 2 / 3, 1e-7, 123456.789, 6.02214076e23, -0.15 } do
    back = back and tonumber(J.encode(x)) == x
  end
  check("json numbers read back to the same double", back)
  eq("json integers without a fraction", J.encode(50.0), "50")
  eq("json non-finite numbers are null", J.encode(math.huge) .. J.encode(0 / 0), "nullnull")
end

-- 4b. the shipped stylesheet: the event table fits, dates on one line ------------
do
  local f = assert(io.open(root .. "/share/shijian.css", "rb"))
  local css = f:read("a"):gsub("/%*.-%*/", "")
  f:close()
  local rules = {} -- selector -> declarations (property -> value), later rules win
  for sels, body in css:gmatch("([^{}]-)%s*{([^{}]*)}") do
    for sel in sels:gmatch("[^,]+") do
      sel = sel:gsub("^%s+", ""):gsub("%s+$", ""):gsub("%s+", " ")
      rules[sel] = rules[sel] or {}
      for prop, val in body:gmatch("([%w-]+)%s*:%s*([^;]+)") do rules[sel][prop] = val:gsub("%s+$", "") end
    end
  end
  local function decl(sel, prop) return (rules[sel] or {})[prop] end
  eq("css: event table as wide as the text column", decl("#shijian-events table", "width"), "100%")
  eq("css: event table is a table, not pandoc's scrolling block", decl("#shijian-events table", "display"), "table")
  eq("css: a table that cannot fit scrolls inside its div", decl("#shijian-events", "overflow-x"), "auto")
  eq("css: dates on one line", decl("#shijian-events td:first-child", "white-space"), "nowrap")
  local forced = {}
  for sel, d in pairs(rules) do
    if d["white-space"] == "nowrap" and sel:match("^#shijian%-events")
      and sel ~= "#shijian-events td:first-child" then forced[#forced + 1] = sel end
  end
  eq("css: no other cell is kept from wrapping", table.concat(forced, ", "), "")
  eq("css: cells wrap long words rather than overflow", decl("#shijian-events td", "overflow-wrap"), "anywhere")
end

-- 5. options -----------------------------------------------------------------
do
  local meta = pandoc.read("---\nlang: en\ndate: 2020年12月31日\nshijian:\n  kinds: [time, actor]\n  table: false\n  json: out.json\n---\n", "markdown").meta
  local o = P.options(meta, function() return nil end, "html5")
  check("kinds from a YAML list", o.kinds.time and o.kinds.actor and not o.kinds.event)
  eq("table off from metadata", o.table, false)
  eq("json path from metadata", o.json, "out.json")
  eq("reference date from the document date", o.ref, "2020-12-31")
  eq("east-Asian breaks off for lang: en", o.east_asian, false)
  eq("html format detected", o.html, true)
  eq("custom-style off for html", o.custom_style, false)
  local env = { SHIJIAN_TABLE = "yes", SHIJIAN_KINDS = "event,place", SHIJIAN_REF = "2019",
    SHIJIAN_EAST_ASIAN_LINE_BREAKS = "true" }
  local o2 = P.options(meta, function(k) return env[k] end, "docx")
  eq("environment overrides table", o2.table, true)
  check("environment overrides kinds", o2.kinds.event and o2.kinds.place and not o2.kinds.time)
  eq("environment overrides ref", o2.ref, "2019")
  eq("environment overrides east-Asian breaks", o2.east_asian, true)
  eq("custom-style on for docx", o2.custom_style, true)
  local o3 = P.options(pandoc.read("x", "markdown").meta, function() return nil end, "native")
  check("defaults: all kinds, table on, breaks on, no json",
    o3.kinds.time and o3.kinds.event and o3.kinds.duration and o3.table and o3.east_asian and not o3.json)
  local m4 = pandoc.read("---\nshijian:\n  kinds: time quantity\n---\n", "markdown").meta
  local o4 = P.options(m4, function() return nil end, "native")
  check("kinds from a string", o4.kinds.time and o4.kinds.quantity and not o4.kinds.actor)
end

-- 6. version check -----------------------------------------------------------
do
  local saved, die = PANDOC_VERSION, P.die
  P.die = function(msg) error(msg, 0) end
  PANDOC_VERSION = { 2, 9, 1 }
  local okv, msg = pcall(P.check_version)
  check("old pandoc refused with a clear message", not okv and tostring(msg):match("2%.11 or newer"), msg)
  PANDOC_VERSION = saved
  check("this pandoc accepted", pcall(P.check_version))
  P.die = die
end

-- 7. backends agree -------------------------------------------------------------
do
  local text = "2020年12月9日，国防部长魏凤和在北京会见俄罗斯国防部长。\n\n" ..
    "中俄两国空军实施“海上联合-2021”联合演习，出动飞机50架次。"
  local o = { ref = "2020-12-31" }
  local a, aerr = P.analyze_module(text, o)
  local b, berr = P.analyze_cli(text, o, { root = root })
  check("module backend works", a ~= nil, aerr)
  check("cli backend works", b ~= nil, berr)
  if a and b then
    local function canon(x)
      if type(x) == "number" then
        return (x == math.floor(x)) and string.format("%d", x) or tostring(x)
      end
      if type(x) ~= "table" then return tostring(x) end
      local keys = {}
      -- first/last: the module's 1-based positions, kept in its tables (the
      -- filter adds its fields to them) and not in the command's JSON
      for k in pairs(x) do
        if k ~= "backend" and k ~= "first" and k ~= "last" then keys[#keys + 1] = tostring(k) end
      end
      table.sort(keys)
      local parts = {}
      for _, k in ipairs(keys) do
        local v = x[k]
        if v == nil then v = x[tonumber(k)] end
        parts[#parts + 1] = k .. "=" .. canon(v)
      end
      return "{" .. table.concat(parts, ",") .. "}"
    end
    local ca, cb = canon(a), canon(b)
    eq("module and cli give the same analysis", ca, cb)
  end
end
