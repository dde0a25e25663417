#!/bin/sh
# spec/install/run.sh — `make install` into a staging directory works, and
# what it installs is usable: the C library and header from a C program, the
# Lua modules from lua5.4, lua5.3 and luajit; the three builds load in their
# hosts (lua5.4, Debian's pandoc = Lua 5.3, nvim --headless = LuaJIT).
# The shared library: SONAME, only the public functions (SJ_API in
# shijian.h) exported, examples/c/events.c and the command itself built
# against the staged tree through pkg-config.
# Last line: `install: N passed, M failed`.
cd "$(dirname "$0")/../.." || exit 1
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok - $1"; }
no() { fail=$((fail + 1)); echo "not ok - $1"; }
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

if make -s install DESTDIR="$stage" PREFIX=/usr >"$stage/log" 2>&1; then ok "make install DESTDIR PREFIX"; else no "make install"; cat "$stage/log"; fi
for f in usr/bin/shijian usr/lib/libshijian.a usr/lib/pkgconfig/shijian.pc usr/include/shijian.h usr/lib/lua/5.4/shijian/core.so usr/share/lua/5.4/shijian/init.lua usr/share/shijian/shijian.lua usr/share/shijian/shijian.css; do
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
if cc -std=c11 -Wall -Wextra -Wpedantic -I"$stage/usr/include" "$stage/t.c" "$stage/usr/lib/libshijian.a" -lm -o "$stage/t" 2>"$stage/cc.log" && "$stage/t"; then
  ok "C program against the installed header and static library"
else
  no "C program against the installed header and static library"; cat "$stage/cc.log"
fi

# ---- the shared library ---------------------------------------------------
ver=$(sed -n 's/^#define SJ_VERSION "\(.*\)"/\1/p' csrc/core/shijian.h)
so=$stage/usr/lib/libshijian.so.$ver
if [ -f "$so" ] && [ "$(readlink "$stage/usr/lib/libshijian.so.${ver%%.*}")" = "libshijian.so.$ver" ] &&
   [ "$(readlink "$stage/usr/lib/libshijian.so")" = "libshijian.so.${ver%%.*}" ]; then
  ok "installed libshijian.so.$ver with links libshijian.so.${ver%%.*} and libshijian.so"
else no "installed libshijian.so.$ver with its links"; ls -l "$stage/usr/lib"; fi
soname=$(readelf -d "$so" 2>/dev/null | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
[ "$soname" = "libshijian.so.${ver%%.*}" ] && ok "SONAME $soname" || no "SONAME libshijian.so.${ver%%.*} (got '$soname')"
# the functions declared in shijian.h, and whether each is marked SJ_API
decl=$(sed -e 's|/\*.*\*/||' csrc/core/shijian.h | grep -E '^[A-Za-z_].*[ *]sj_[a-z0-9_]+\(' | grep -v '^#')
api=$(printf '%s\n' "$decl" | sed -E 's/^.*[ *](sj_[a-z0-9_]+)\(.*$/\1/' | sort -u)
unmarked=$(printf '%s\n' "$decl" | grep -v '^SJ_API ' | sed -E 's/^.*[ *](sj_[a-z0-9_]+)\(.*$/\1/' | tr '\n' ' ')
[ -z "$unmarked" ] && ok "every function of shijian.h is marked SJ_API ($(printf '%s\n' "$api" | wc -l))" \
  || no "every function of shijian.h is marked SJ_API (not: $unmarked)"
nm -D --defined-only "$so" 2>/dev/null | awk '$2 ~ /^[A-Z]$/ {print $3}' | sort -u > "$stage/exported"
extra=$(printf '%s\n' "$api" | comm -13 - "$stage/exported" | tr '\n' ' ')
missing=$(printf '%s\n' "$api" | comm -23 - "$stage/exported" | tr '\n' ' ')
[ -s "$stage/exported" ] && [ -z "$extra" ] && ok "nm -D: nothing exported beyond shijian.h ($(wc -l <"$stage/exported") symbols)" \
  || no "nm -D: nothing exported beyond shijian.h (also: $extra)"
[ -z "$missing" ] && ok "nm -D: every function of shijian.h exported" || no "nm -D: every function of shijian.h exported (missing: $missing)"

# pkg-config over the staged tree (the .pc names /usr; the sysroot maps it)
pc() { PKG_CONFIG_PATH= PKG_CONFIG_LIBDIR="$stage/usr/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$stage" pkg-config "$@"; }
if ! command -v pkg-config >/dev/null 2>&1; then no "pkg-config installed (Debian: pkg-config)"
elif [ "$(pc --modversion shijian 2>&1)" != "$ver" ]; then no "pkg-config --modversion shijian = $ver ($(pc --modversion shijian 2>&1))"
else
  ok "pkg-config --modversion shijian = $ver"
  # examples/c against the shared library
  if cc -std=c11 -Wall -Wextra -Wpedantic -Werror examples/c/events.c $(pc --cflags --libs shijian) \
       -o "$stage/events" 2>"$stage/cc.log"; then
    ok "examples/c/events.c builds with pkg-config --cflags --libs shijian"
    readelf -d "$stage/events" | grep -q "NEEDED.*\[libshijian.so.${ver%%.*}\]" && ok "examples/c/events links libshijian.so.${ver%%.*}" \
      || no "examples/c/events links libshijian.so.${ver%%.*}"
    out=$(echo '12月22日，中俄两国空军在亚太地区实施第二次联合空中战略巡航。' | LD_LIBRARY_PATH="$stage/usr/lib" "$stage/events" --ref 2020 2>&1)
    [ "$out" = "$(printf '2020-12-22\t062\tcooperate militarily\t联合空中战略巡航\tCHN RUS\tCHN RUS\t亚太地区')" ] \
      && ok "examples/c/events runs on the installed library" || no "examples/c/events runs on the installed library: $out"
  else no "examples/c/events.c builds with pkg-config"; cat "$stage/cc.log"; fi
  # the command needs the public header only: its sources alone, away from
  # csrc/core, built against the staged tree
  mkdir -p "$stage/cli" && cp csrc/cli/*.c csrc/cli/*.h "$stage/cli/"
  if cc -std=c11 -Wall -Wextra -Wpedantic -Werror -O1 -D_POSIX_C_SOURCE=200809L "$stage"/cli/*.c \
       $(pc --cflags shijian) "$stage/usr/lib/libshijian.a" -lm -lpthread -o "$stage/sj" 2>"$stage/cc.log"; then
    [ "$(echo 中国军队 | "$stage/sj" cut)" = "中国  军队" ] && ok "the command builds against the installed header only" \
      || no "the command built against the installed header runs"
  else no "the command builds against the installed header only"; cat "$stage/cc.log"; fi
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
