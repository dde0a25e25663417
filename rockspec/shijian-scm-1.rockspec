-- LuaRocks spec.  `luarocks make rockspec/shijian-scm-1.rockspec` in a clone
-- (or `make rock`) builds everything itself through the Makefile's
-- rock-build / rock-install targets: the lexicon image (generated C, from
-- dict/ by the project's image compiler), the core and the C module for the
-- Lua luarocks builds for (--lua-version 5.4 or 5.3, both tested by
-- spec/rock/run.sh).  Needs a C compiler and make; no network.
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
  type = "make",
  build_target = "rock-build",
  build_variables = {
    CFLAGS = "$(CFLAGS)",
    ROCK_LUA_INC = "$(LUA_INCDIR)",
  },
  install_target = "rock-install",
  install_variables = {
    ROCK_LUADIR = "$(LUADIR)",
    ROCK_LIBDIR = "$(LIBDIR)",
  },
}
