-- rules.lua — your own mention kinds and event triggers, as LPeg patterns
-- or `re` strings; they merge with the core's results.
local sj = require "shijian"

local rules = sj.rules {
  -- a ship's name: two Chinese characters and 舰 (`re` syntax; %han is one character)
  { kind = "ship", pattern = "%han %han '舰'", class = "unit" },
  -- an escort task force with its number, captured and converted
  { kind = "taskforce", pattern = "'第' {%digit+} '批护航编队'",
    value = function(_, n) return tonumber(n) end },
  -- a domain's trigger words with their CAMEO code
  { trigger = { "联演", "联训" }, cameo = "062", label = "joint drill", name = "drills" },
}

local text = "6月24日，中国海军银川舰在亚丁湾与俄罗斯海军举行联演。第35批护航编队完成任务。"
local doc = sj.analyze(text, { ref = 2020, rules = rules })

for _, m in ipairs(doc.mentions) do
  if m.rule then -- results of user rules carry the rule's name
    print(("%-9s %-14s value=%s  bytes %d..%d"):format(m.kind, m.text, tostring(m.value), m.first, m.last))
  end
end
for _, ev in ipairs(doc.events) do
  if ev.rule == "drills" then
    print(("event %s %s (%s) date=%s sources=%s targets=%s place=%s"):format(ev.trigger.text, ev.cameo,
      ev.label, ev.date, table.concat(ev.sources, " "), table.concat(ev.targets, " "), ev.place))
  end
end

-- a bad pattern fails when the rule is made, with a clear message
print(select(2, pcall(sj.rule, { kind = "x", pattern = "'舰' /" })))
print(select(2, pcall(sj.rule, { kind = "x", pattern = "('舰'" })))
