-- spec/pandoc/unwrap.lua — undo the shijian filter's markup: remove its Spans
-- (keeping their content), the appended event table and the metadata, and
-- merge adjacent Str. A document run through shijian.lua and then this filter
-- must equal the same document run through this filter alone.
local function merge(inls)
  local out = pandoc.List and pandoc.List() or {}
  for _, el in ipairs(inls) do
    local prev = out[#out]
    if prev and el.t == "Str" and prev.t == "Str" then
      out[#out] = pandoc.Str(prev.text .. el.text)
    else
      out[#out + 1] = el
    end
  end
  return out
end
return {
  { Span = function(s)
      for _, c in ipairs(s.classes) do if c == "shijian" then return s.content end end
    end },
  { Inlines = merge },
  { Div = function(d) if d.identifier == "shijian-events" then return {} end end,
    Meta = function(m) m["shijian-events"] = nil; return m end },
}
