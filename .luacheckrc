-- luacheck configuration (Debian: lua-check).  `make test` runs it over
-- lua/, plugin/, filters/ and spec/ (spec/lint/run.sh); run it by hand with
--   luacheck lua plugin filters spec
-- The modules run on Lua 5.4, 5.3 and LuaJIT: "max" is the union of their
-- standard libraries (table.unpack or unpack, utf8 where present).
std = "max"
max_line_length = 160
-- an argument named _x is unused on purpose
ignore = { "212/_.*" }
exclude_files = { "build/**", "build-*/**" }

-- Neovim: the editor's API table (its fields are set: vim.g, vim.b, vim.opt)
local nvim = { globals = { "vim" } }
files["lua/shijian/nvim/**"] = nvim
files["lua/shijian/health.lua"] = nvim
files["plugin/**"] = nvim
files["spec/nvim/**"] = nvim

-- Pandoc: the filter's host globals; a filter defines its element functions
-- as globals (Pandoc, Meta, ...), and the unit tests fake PANDOC_VERSION
local pandoc_host = { "pandoc", "PANDOC_VERSION", "PANDOC_SCRIPT_FILE", "PANDOC_STATE", "FORMAT", "lpeg", "re" }
files["lua/shijian/pandoc.lua"] = { read_globals = pandoc_host }
files["filters/**"] = { read_globals = pandoc_host, globals = { "Pandoc", "Meta" } }
files["spec/pandoc/**"] = {
  read_globals = { "pandoc", "PANDOC_SCRIPT_FILE", "PANDOC_STATE", "FORMAT", "lpeg", "re" },
  globals = { "Pandoc", "Meta", "PANDOC_VERSION" },
}
