#!/bin/sh
# spec/rock/run.sh — `luarocks make rockspec/shijian-scm-1.rockspec` in a
# clean copy of the checkout (its tracked files, no build/), with no step
# before it, into a local rocks tree, for Lua 5.4 and 5.3; the installed
# module then works from that tree alone.
# Last line: `rock: N passed, M failed`.
cd "$(dirname "$0")/../.." || exit 1
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok - $1"; }
no() { fail=$((fail + 1)); echo "not ok - $1"; [ -n "${2:-}" ] && [ -f "$2" ] && tail -n 25 "$2" | sed 's/^/    /'; }
finish() { echo "rock: $pass passed, $fail failed"; [ "$fail" -eq 0 ]; exit $?; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/shijian-rock.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# a user's run, not part of the caller's make
unset MAKEFLAGS MFLAGS MAKELEVEL SJ_DEPS_DONE B

command -v luarocks >/dev/null 2>&1 || { no "luarocks is installed (Debian: luarocks)"; finish; }

# the clean copy: what a clone holds (tracked files), or the tree without build dirs
src=$tmp/src
mkdir -p "$src"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git ls-files -z | tar --null -T - --ignore-failed-read -cf - 2>/dev/null | tar -xf - -C "$src"
else
  tar -cf - --exclude='./build' --exclude='./build-*' . | tar -xf - -C "$src"
fi
[ -f "$src/rockspec/shijian-scm-1.rockspec" ] && [ ! -e "$src/build" ] && ok "a clean copy without build/" \
  || no "a clean copy without build/"

for v in 5.4 5.3; do
  lua=lua$v
  if ! command -v "$lua" >/dev/null 2>&1 || [ ! -f "/usr/include/lua$v/lua.h" ]; then
    no "$lua and its headers are installed (make deps)"; continue
  fi
  tree=$tmp/tree$v
  if (cd "$src" && MAKEFLAGS=-j2 luarocks --lua-version "$v" --tree "$tree" make rockspec/shijian-scm-1.rockspec) \
       >"$tmp/log$v" 2>&1; then
    ok "luarocks --lua-version $v make, no step before it"
  else no "luarocks --lua-version $v make" "$tmp/log$v"; continue; fi
  [ -f "$tree/lib/lua/$v/shijian/core.so" ] && [ -f "$tree/share/lua/$v/shijian/init.lua" ] \
    && ok "$v: the tree holds shijian/init.lua and shijian/core.so" || no "$v: the tree holds the modules" "$tmp/log$v"
  # from elsewhere, with only the tree on the paths
  out=$(cd "$tmp" && env -u LUA_PATH_5_4 -u LUA_CPATH_5_4 -u LUA_PATH_5_3 -u LUA_CPATH_5_3 \
    LUA_PATH="$tree/share/lua/$v/?.lua;$tree/share/lua/$v/?/init.lua" LUA_CPATH="$tree/lib/lua/$v/?.so" \
    "$lua" -e '
      local sj = require "shijian"
      local doc = sj.analyze("12月22日，中俄两国空军在亚太地区实施第二次联合空中战略巡航。", { ref = 2020 })
      local e = doc.events[1]
      io.write(table.concat(sj.cut("中俄两国空军"), "/"), " ", e.date, " ", e.cameo, " ", table.concat(e.sources, "+"), " ",
        package.searchpath("shijian.core", package.cpath))' 2>&1)
  case "$out" in
    "中/俄/两国/空军 2020-12-22 062 CHN+RUS $tree/lib/lua/$v/shijian/core.so") ok "$v: require \"shijian\" from the tree works" ;;
    *) no "$v: require \"shijian\" from the tree works ($out)" ;;
  esac
  if luarocks --lua-version "$v" --tree "$tree" list --porcelain 2>/dev/null | grep -q '^shijian	scm-1'; then
    ok "$v: luarocks lists shijian scm-1 in the tree"; else no "$v: luarocks lists shijian scm-1 in the tree"; fi
done
finish
