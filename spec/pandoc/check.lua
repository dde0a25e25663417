-- spec/pandoc/check.lua — run after shijian.lua on format.md: checks that
-- marks appear inside every kind of container, that a mention crossing
-- formatting is split into pieces that together give the whole mention, and
-- that code is left alone. Prints "ok - …" / "not ok - …" lines on stdout.
local function out(s) io.stdout:write(s, "\n") end
local function check(name, cond, detail)
  out((cond and "ok - " or "not ok - ") .. name .. ((not cond and detail) and (": " .. detail) or ""))
end
local function is_mark(s)
  for _, c in ipairs(s.classes) do if c == "shijian" then return true end end
  return false
end
local function count(blocks, tag)
  local n = 0
  pandoc.walk_block(pandoc.Div(blocks), { [tag] = function(el)
    local c = 0
    local function sp(s) if is_mark(s) then c = c + 1 end end
    if tag == "Note" then
      pandoc.walk_block(pandoc.Div(el.content), { Span = sp })
    elseif tag == "Emph" or tag == "Strong" or tag == "Link" then
      pandoc.walk_inline(pandoc.Span(el.content), { Span = sp })
    else
      pandoc.walk_block(pandoc.Div({ el }), { Span = sp })
    end
    n = n + c
  end })
  return n
end

function Pandoc(doc)
  local b = doc.blocks
  for _, tag in ipairs { "Header", "Emph", "Strong", "Note", "BlockQuote", "OrderedList",
    "Table", "DefinitionList", "LineBlock" } do
    local n = count(b, tag)
    check("marks inside " .. tag, n > 0, "none found")
  end
  -- the split time mention 2021年*8月2日 (crosses the end of Emph)
  local pieces, inside_emph = {}, 0
  pandoc.walk_block(pandoc.Div(b), {
    Emph = function(e)
      pandoc.walk_inline(pandoc.Span(e.content), { Span = function(s)
        if is_mark(s) and s.attributes.value == "2021-08-02" then inside_emph = inside_emph + 1 end
      end })
    end,
  })
  pandoc.walk_block(pandoc.Div(b), { Span = function(s)
    if is_mark(s) and s.attributes.value == "2021-08-02" then pieces[#pieces + 1] = pandoc.utils.stringify(s) end
  end })
  check("mention crossing Emph split in pieces", #pieces >= 2 and inside_emph >= 1,
    #pieces .. " pieces, " .. inside_emph .. " inside Emph")
  check("pieces give the whole mention", table.concat(pieces) == "2021年8月2日", table.concat(pieces, "|"))
  -- code and raw are untouched
  local code, cb, raw = {}, {}, {}
  pandoc.walk_block(pandoc.Div(b), {
    Code = function(c) code[#code + 1] = c.text end,
    CodeBlock = function(c) cb[#cb + 1] = c.text end,
    RawInline = function(r) raw[#raw + 1] = r.text end,
  })
  check("inline code untouched", code[1] == "2021年6月24日", code[1])
  check("code block untouched", cb[1] == "2021年6月24日，国防部长魏凤和访问俄罗斯。", cb[1])
  check("raw inline untouched", raw[1] == "<b>" and raw[2] == "</b>", table.concat(raw, ","))
  -- every event of the metadata has a row in the table
  local evs = doc.meta["shijian-events"] or {}
  local rows = 0
  pandoc.walk_block(pandoc.Div(b), { Div = function(d)
    if d.identifier == "shijian-events" then
      pandoc.walk_block(d, { Table = function(t)
        local tb = t.bodies and t.bodies[1]
        rows = tb and #tb.body or #t.rows
      end })
    end
  end })
  check("event table has one row per event", rows == #evs and rows > 0, rows .. " rows, " .. #evs .. " events")
  -- the links of the table point at event spans
  local ids, links, bad = {}, 0, 0
  pandoc.walk_block(pandoc.Div(b), { Span = function(s) if s.identifier ~= "" then ids[s.identifier] = true end end })
  pandoc.walk_block(pandoc.Div(b), { Link = function(l)
    local id = l.target:match("^#(shijian%-e%d+)$")
    if id then links = links + 1; if not ids[id] then bad = bad + 1 end end
  end })
  check("table links point at event spans", links > 0 and bad == 0, links .. " links, " .. bad .. " dangling")
  return nil
end
