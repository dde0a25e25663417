-- LuaRocks spec (builtin backend).  The embedded lexicon image is generated
-- C (build/embed.c); create it first with `make build/embed.c` (or use
-- `make rock`, which does both).  No network is needed.
rockspec_format = "3.0"
package = "shijian"
version = "scm-1"
source = { url = "git+https://example.invalid/shijian.git" }
description = {
  summary = "Chinese news event tagger: words, times, actors, places and CAMEO events",
  detailed = [[
shijian (事件) segments Chinese text with an embedded lexicon and tags
times (ISO 8601), actors (ISO 3166 / CAMEO codes), places, names,
quantities and CAMEO-typed events, with byte offsets on everything.]],
  license = "MIT",
}
dependencies = { "lua >= 5.1" }
build = {
  type = "builtin",
  modules = {
    ["shijian"] = "lua/shijian/init.lua",
    ["shijian.rules"] = "lua/shijian/rules.lua",
    ["shijian.offsets"] = "lua/shijian/offsets.lua",
    ["shijian.stream"] = "lua/shijian/stream.lua",
    ["shijian.core"] = {
      sources = {
        "csrc/lua/lshijian.c",
        "csrc/core/arena.c", "csrc/core/doc.c", "csrc/core/image.c", "csrc/core/model.c",
        "csrc/core/seg.c", "csrc/core/sent.c", "csrc/core/tag.c", "csrc/core/tag_ent.c",
        "csrc/core/tag_event.c", "csrc/core/time.c", "csrc/core/utf8.c",
        "build/embed.c",
      },
      defines = { "_POSIX_C_SOURCE=200809L" },
      incdirs = { "csrc/core" },
    },
  },
}
