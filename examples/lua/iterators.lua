-- iterators.lua — for-loops over sentences, tokens, mentions and events.
local sj = require "shijian"

local text = "6月24日，中国军队访问俄罗斯。双方举行会谈。"

for s, i in sj.each_sentence(text) do print(i, s.text) end

local n, rebuilt = 0, {}
for tok in sj.each_token(text) do
  n = n + 1
  rebuilt[n] = text:sub(tok.first, tok.last)
end
print("tokens tile the text:", table.concat(rebuilt) == text)

for m in sj.each_mention(text, { ref = 2020, kind = "time" }) do print(m.text, m.value) end

local rule = { trigger = "'会谈'", cameo = "040", label = "talks", name = "talks" }
for ev in sj.each_event(text, { ref = 2020, rules = rule }) do
  if ev.rule then print(ev.trigger.text, ev.cameo, ev.label) end
end
