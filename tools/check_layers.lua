#!/usr/bin/env lua5.4
-- check_layers.lua — the core's files as ordered layers (stages): a file may
-- call functions of its own layer and of earlier layers, never of a later
-- one.  Reads the C sources of csrc/core (no build needed): finds which file
-- defines each function that other files can call (non-static definitions
-- in .c files, inline definitions in headers), then every use of such a
-- name inside a function body or an initialiser of another file (a call, or
-- the function passed as a pointer).  Prints each use of a later layer and
-- fails; a source file that no layer lists fails too (add it below).
-- Calls back and forth inside one layer are listed as notes, not failures.
--
-- usage: lua5.4 tools/check_layers.lua [DIR]     (DIR default csrc/core)
-- Run by `make lint` (spec/lint/run.sh), so by `make test`.
--
-- THE ORDER, lowest first (docs/ARCHITECTURE.md describes each stage: what
-- it reads and writes).  Patterns are shell-like: * is any run of
-- characters, so a stage split into tag_ent_person.c stays in its layer.
local LAYERS = {
  { "base", "core.h image.h shijian.h utf8.c arena.c image.c" },
  -- model.c asks seg.c for a user word's log-probability: one layer
  { "lexicon", "model.c seg*.c sent.c script.c" },
  { "tagger helpers", "tag.h tag_int.h tag_util*.c" },
  -- numbers, then times and quantities, each on the numbers only
  { "numbers grammar", "num*.c num.h" },
  { "times grammar", "time*.c" },
  { "quantities grammar", "qty*.c" },
  { "reference dates", "tag_ref*.c" },
  { "time and quantity mentions", "tag_num*.c" },
  -- the entity stage's groups, each calling only the ones before it
  { "entity helpers", "tag_ent.h tag_ent_util*.c" },
  { "entities: persons", "tag_ent_person*.c" },
  { "entities: organisations", "tag_ent_org*.c" },
  { "entities: places", "tag_ent_place*.c" },
  { "entities: countries", "tag_ent_country*.c" },
  { "entities: names", "tag_ent_name*.c" },
  { "entities: driver", "tag_ent.c" },
  { "events", "tag_event*.c" },
  { "tagger driver", "tag.c" },
  { "analysis", "doc.c" },
}

local dir = arg[1] or "csrc/core"

local function glob_match(pat, name)
  local p = "^" .. pat:gsub("[%.%-%+%?%(%)%[%]%^%$%%]", "%%%0"):gsub("%*", ".*") .. "$"
  return name:match(p) ~= nil
end

local function layer_of(name)
  for k, l in ipairs(LAYERS) do
    for pat in l[2]:gmatch("%S+") do
      if glob_match(pat, name) then return k end
    end
  end
end

-- The files: ls of DIR (.c and .h).
local files = {}
do
  local p = assert(io.popen("ls '" .. dir .. "'"))
  for f in p:lines() do
    if f:match("%.[ch]$") then files[#files + 1] = f end
  end
  p:close()
end
if #files == 0 then
  print("check_layers: no C files in " .. dir)
  os.exit(1)
end

-- C text with comments, string and character literals and preprocessor
-- lines blanked (newlines kept), so what is left is declarations and code.
local function strip(s)
  local out, i, n = {}, 1, #s
  local bol = true -- at the beginning of a line (only blanks before)
  while i <= n do
    local c = s:sub(i, i)
    local two = s:sub(i, i + 1)
    if two == "/*" then
      local e = s:find("*/", i + 2, true) or n - 1
      out[#out + 1] = s:sub(i, e + 1):gsub("[^\n]", " ")
      i = e + 2
    elseif two == "//" then
      local e = s:find("\n", i, true) or n + 1
      i = e
    elseif c == '"' or c == "'" then
      local j = i + 1
      while j <= n do
        local d = s:sub(j, j)
        if d == "\\" then j = j + 2
        elseif d == c or d == "\n" then break
        else j = j + 1 end
      end
      out[#out + 1] = c .. string.rep(" ", j - i - 1) .. c
      i = j + 1
      bol = false
    elseif c == "#" and bol then
      -- a preprocessor line and its continuations
      local j = i
      repeat
        local e = s:find("\n", j, true) or n + 1
        local cont = s:sub(e - 1, e - 1) == "\\"
        j = e + 1
      until not cont or j > n
      out[#out + 1] = s:sub(i, j - 1):gsub("[^\n]", " ")
      i = j
      bol = true
    else
      out[#out + 1] = c
      if c == "\n" then bol = true elseif not c:match("%s") then bol = false end
      i = i + 1
    end
  end
  return table.concat(out)
end

-- One pass over the stripped text: definitions outside code (a name, its
-- parenthesised parameters, then `{`), static or not, with their line; and
-- every identifier used inside code with its line.  Code is a function body
-- (a `{` after `)`) or an initialiser (after `=`) and what nests in them;
-- the braces of extern "C", struct, union and enum bodies are not code.
local KEYWORDS = {}
for w in ([[if while for switch return sizeof do else case default goto
  break continue typedef struct union enum static inline extern const
  volatile restrict register auto signed unsigned void char short int long
  float double _Bool _Static_assert __attribute__ __typeof__ offsetof]]):gmatch("%S+") do
  KEYWORDS[w] = true
end

local function scan(text)
  local defs, uses = {}, {}
  local stack = {} -- per open brace: true if code
  local line, i, n = 1, 1, #text
  local stmt_start = 1 -- start of the current declaration outside code
  local last = ""      -- the last non-blank character outside code
  local init = false   -- in a file-scope initialiser (after `=`, until `;`)
  local function in_code() return init or stack[#stack] == true end
  while i <= n do
    local c = text:sub(i, i)
    if c == "\n" then
      line = line + 1
      i = i + 1
    elseif c == "{" then
      stack[#stack + 1] = in_code() or last == ")" or last == "="
      if not in_code() then stmt_start = i + 1; last = "{" end
      i = i + 1
    elseif c == "}" then
      stack[#stack] = nil
      if not in_code() then stmt_start = i + 1; last = "}" end
      i = i + 1
    elseif c:match("[%a_]") then
      local s, e = text:find("^[%a_][%w_]*", i)
      local id = text:sub(s, e)
      if in_code() then
        if not KEYWORDS[id] then uses[#uses + 1] = { name = id, line = line } end
      elseif not KEYWORDS[id] then
        -- a definition: id ( ... ) {   (parameters balanced)
        local j = e + 1
        while text:sub(j, j):match("%s") do j = j + 1 end
        if text:sub(j, j) == "(" then
          local lvl, k = 0, j
          repeat
            local d = text:sub(k, k)
            if d == "(" then lvl = lvl + 1 elseif d == ")" then lvl = lvl - 1 end
            k = k + 1
          until lvl == 0 or k > n
          while k <= n and text:sub(k, k):match("%s") do k = k + 1 end
          if text:sub(k, k) == "{" then
            local head = text:sub(stmt_start, s - 1)
            local static = head:match("%f[%w_]static%f[^%w_]") or head:match("%f[%w_]SJ_HOT%f[^%w_]")
            defs[#defs + 1] = { name = id, static = static ~= nil, line = line }
          end
        end
      end
      if not in_code() then last = "x" end
      i = e + 1
    else
      if init and c == ";" and stack[#stack] ~= true then
        init, stmt_start, last = false, i + 1, ";"
      elseif not in_code() and not c:match("%s") then
        last = c
        if c == ";" then stmt_start = i + 1 end
        if c == "=" then init = true end
      end
      i = i + 1
    end
  end
  return defs, uses
end

local failures, notes, unknown = {}, {}, {}
local layer, defs, uses = {}, {}, {}
local owner = {}   -- function name -> file defining it (for others to call)
local statics = {} -- file -> set of its static function names
for _, f in ipairs(files) do
  layer[f] = layer_of(f)
  if not layer[f] then unknown[#unknown + 1] = f end
  local h = assert(io.open(dir .. "/" .. f, "rb"))
  local text = strip(h:read("*a"))
  h:close()
  defs[f], uses[f] = scan(text)
  statics[f] = {}
  local header = f:match("%.h$")
  for _, d in ipairs(defs[f]) do
    if d.static and not header then
      statics[f][d.name] = true
    elseif owner[d.name] and owner[d.name] ~= f then
      failures[#failures + 1] = string.format("%s is defined in both %s and %s", d.name, owner[d.name], f)
    else
      owner[d.name] = f
    end
  end
end

for _, f in ipairs(unknown) do
  failures[#failures + 1] = string.format("%s/%s is in no layer: add it to LAYERS in tools/check_layers.lua", dir, f)
end

local back = {} -- "a>b" pairs inside one layer, to report cycles
for _, f in ipairs(files) do
  local seen = {}
  for _, u in ipairs(uses[f]) do
    local o = owner[u.name]
    if o and o ~= f and not statics[f][u.name] and layer[f] and layer[o] then
      if layer[o] > layer[f] then
        failures[#failures + 1] = string.format(
          "%s:%d (%s) calls %s of %s (%s), a later layer", f, u.line,
          LAYERS[layer[f]][1], u.name, o, LAYERS[layer[o]][1])
      elseif layer[o] == layer[f] and not seen[o] then
        seen[o] = true
        back[f .. ">" .. o] = u.name
      end
    end
  end
end
for pair, name in pairs(back) do
  local a, b = pair:match("^(.*)>(.*)$")
  if a < b and back[b .. ">" .. a] then
    notes[#notes + 1] = string.format("note: %s and %s call each other (%s, %s), same layer %s",
      a, b, name, back[b .. ">" .. a], LAYERS[layer[a]][1])
  end
end
table.sort(notes)

for _, s in ipairs(notes) do print(s) end
if #failures > 0 then
  for _, s in ipairs(failures) do print("FAIL " .. s) end
  print(string.format("check_layers: %d failure(s); the order is LAYERS in tools/check_layers.lua", #failures))
  os.exit(1)
end
local nf = 0
for _ in pairs(owner) do nf = nf + 1 end
print(string.format("check_layers: %d files, %d shared functions, no call to a later layer", #files, nf))
