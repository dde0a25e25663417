#!/bin/sh
# spec/install/run.sh — `make install` into a staging directory works, and
# what it installs is usable: the C library and header from a C program, the
# Lua modules from lua5.4, lua5.3 and luajit; the three builds load in their
# hosts (lua5.4, Debian's pandoc = Lua 5.3, nvim --headless = LuaJIT).
# Last line: `install: N passed, M failed`.
cd "$(dirname "$0")/../.." || exit 1
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok - $1"; }
no() { fail=$((fail + 1)); echo "not ok - $1"; }
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

if make -s install DESTDIR="$stage" PREFIX=/usr >"$stage/log" 2>&1; then ok "make install DESTDIR PREFIX"; else no "make install"; cat "$stage/log"; fi
for f in usr/bin/shijian usr/lib/libshijian.a usr/include/shijian.h usr/lib/lua/5.4/shijian/core.so usr/share/lua/5.4/shijian/init.lua usr/share/shijian/shijian.lua usr/share/shijian/shijian.css; do
  [ -f "$stage/$f" ] && ok "installed $f" || no "installed $f"
done

cat > "$stage/t.c" <<'C'
#include <shijian.h>
#include <stdio.h>
#include <string.h>
int main(void) {
  sj_model *m;
  sj_doc *d;
  const char *t = "6月24日，中国军队访问了莫斯科。";
  sj_options o = {0};
  o.ref_year = 2020;
  if (sj_model_new(&m) || sj_analyze(m, t, strlen(t), &o, &d)) return 1;
  const sj_mention *mm = sj_doc_mentions(d);
  int found = 0;
  for (size_t i = 0; i < sj_doc_nmentions(d); i++)
    if (mm[i].kind == SJ_TIME && mm[i].value && !strcmp(mm[i].value, "2020-06-24")) found = 1;
  printf("%zu tokens, time %s\n", sj_doc_ntokens(d), found ? "found" : "missing");
  sj_doc_free(d);
  sj_model_free(m);
  return !found;
}
C
if cc -std=c11 -Wall -Wextra -Wpedantic -I"$stage/usr/include" "$stage/t.c" -L"$stage/usr/lib" -lshijian -lm -o "$stage/t" 2>"$stage/cc.log" && "$stage/t"; then
  ok "C program against the installed header and library"
else
  no "C program against the installed header and library"; cat "$stage/cc.log"
fi
[ "$(echo 中国军队 | "$stage/usr/bin/shijian" cut)" = "中国  军队" ] && ok "installed shijian cut" || no "installed shijian cut"

check_lua() { # interpreter, version dir
  command -v "$1" >/dev/null 2>&1 || { echo "skip - $1 absent"; return; }
  out=$(LUA_PATH="$stage/usr/share/lua/$2/?.lua;$stage/usr/share/lua/$2/?/init.lua" \
        LUA_CPATH="$stage/usr/lib/lua/$2/?.so" \
        "$1" -e 'io.write(table.concat(require("shijian").cut("中国军队"), "/"))' 2>&1)
  [ "$out" = "中国/军队" ] && ok "installed module in $1" || { no "installed module in $1"; echo "$out"; }
}
check_lua lua5.4 5.4
check_lua lua5.3 5.3
check_lua luajit 5.1

# the three builds in their hosts
if command -v pandoc >/dev/null 2>&1; then
  cat > "$stage/f.lua" <<'L'
package.path = "lua/?.lua;lua/?/init.lua;" .. package.path
package.cpath = "build/lua" .. _VERSION:match("%d+%.%d+") .. "/?.so;" .. package.cpath
local sj = require "shijian"
function Pandoc(doc)
  return pandoc.Pandoc({ pandoc.Para({ pandoc.Str(_VERSION .. " " .. table.concat(sj.cut("中国军队"), "/")) }) })
end
L
  out=$(echo x | pandoc --lua-filter "$stage/f.lua" -t plain 2>&1)
  case "$out" in *"中国/军队"*) ok "C module loads in pandoc ($out)";; *) no "C module in pandoc"; echo "$out";; esac
fi
if command -v nvim >/dev/null 2>&1; then
  out=$(nvim --headless -u NONE -i NONE -n -c 'lua package.cpath = "build/luajit/?.so;" .. package.cpath; package.path = "lua/?.lua;lua/?/init.lua;" .. package.path; io.stdout:write(jit.version .. " " .. table.concat(require("shijian").cut("中国军队"), "/"))' -c 'qa!' 2>&1)
  case "$out" in *"中国/军队"*) ok "C module loads in nvim ($out)";; *) no "C module in nvim"; echo "$out";; esac
fi
echo "install: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
