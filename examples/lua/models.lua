-- models.lua — independent models with user words, a reference date and rules.
local sj = require "shijian"

local m = sj.new {
  words = { { "八一飞行表演队", 100, "nt" } },
  reference = "2020-12-31",
  rules = { { kind = "team", pattern = "'八一飞行表演队'" } },
}
print(table.concat(m:cut("八一飞行表演队参加航展"), "|"))
print(table.concat(sj.cut("八一飞行表演队参加航展"), "|") ~= "八一飞行表演队|参加|航展") -- default untouched
print(m:times("10月28日")[1].value)
print(m:mentions("八一飞行表演队参加航展", { kind = "team" })[1].text)

-- the default model is shared and free to get
print(sj.model() == sj.model())

-- errors: raised, or nil, message from sj.safe
print(sj.safe.new { reference = "yesterday" })
print(sj.safe.cut(42))
