-- quickstart.lua — analyse a sentence: times and actors, with a reference date.
local sj = require "shijian"

local text = "6月24日，中国与俄罗斯在莫斯科举行会谈。"
local doc = sj.analyze(text, { reference = "2020-12-31" })

for _, m in ipairs(doc.mentions) do
  if m.kind == "time" then
    print(("time   %-10s %s  bytes %d..%d"):format(m.text, m.value, m.first, m.last))
  elseif m.kind == "actor" then
    print(("actor  %s %s"):format(m.text, table.concat(m.codes, " ")))
  end
end
-- positions are bytes, 1-based and inclusive: what string.sub wants
local t = doc.mentions[1]
print(text:sub(t.first, t.last) == t.text)
print("reference year:", doc.ref_year)
