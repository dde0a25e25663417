#!/bin/sh
# spec/checkout/run.sh — a checkout as a new user meets it.
#  1. The README's two commands on a fresh machine: `make demo` and `make test`
#     install packages (tools/deps.sh) and only then decide which Lua modules
#     to build.  Simulated without a fresh machine: the Lua headers are looked
#     for under a temporary LUA_INC_ROOT that starts empty; a stand-in for
#     tools/deps.sh (DEPS=) "installs" them by linking the real
#     /usr/include/lua5.4, lua5.3, luajit-2.1 into it, as apt-get would.  The
#     build goes to a temporary B; the test runner (SPEC=) and the C tests
#     (C_TESTS=) are left out, what is checked is the build decision.
#  2. `eval "$(make -s env)"` lets lua5.4, lua5.3 and luajit `require "shijian"`
#     from anywhere.
# The scenarios start from a copy of the core and CLI of $B (default build/,
# what `make test` has just built); when that is absent or out of date they
# are built once into a seed directory first, so the run takes seconds.
# Last line: `checkout: N passed, M failed`.
cd "$(dirname "$0")/../.." || exit 1
root=$(pwd)
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok - $1"; }
no() { fail=$((fail + 1)); echo "not ok - $1"; [ -n "${2:-}" ] && [ -f "$2" ] && tail -n 20 "$2" | sed 's/^/    /'; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/shijian-checkout.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
src=${B:-build}
# run as a user would, not as a sub-make of `make test`
unset MAKEFLAGS MFLAGS MAKELEVEL SJ_DEPS_DONE B

# ---- 1. fresh machine -------------------------------------------------------
have=1
for h in lua5.4 lua5.3 luajit-2.1; do [ -f "/usr/include/$h/lua.h" ] || have=0; done
cat > "$tmp/deps.sh" <<'SH'
# stand-in for tools/deps.sh: "installs" the headers `make $1` needs
echo "$1" >> "$INC/../deps.log"
ln -sfn /usr/include/lua5.4 "$INC/lua5.4"
if [ "$1" = test ]; then
  ln -sfn /usr/include/lua5.3 "$INC/lua5.3"
  ln -sfn /usr/include/luajit-2.1 "$INC/luajit-2.1"
fi
SH
mods() { # build dir -> which core.so exist
  for v in lua5.4 lua5.3 luajit; do [ -f "$1/$v/shijian/core.so" ] && printf '%s ' "$v"; done
}
copy_core() { # from to: the image compiler, image, objects, library and CLI
  mkdir -p "$2"
  for f in sjdictc embed.c obj libshijian.a shijian; do
    [ -e "$1/$f" ] && cp -Rp "$1/$f" "$2/"
  done
}
# the seed: $src when its core and CLI are up to date, else built once here
if [ -f "$src/libshijian.a" ] && make -q --no-print-directory B="$src" lib cli >/dev/null 2>&1; then
  seeded=$src
else
  seeded=$tmp/seed
  copy_core "$src" "$seeded"
  echo "# $src is absent or out of date: building the core once into a seed"
  make --no-print-directory -j2 B="$seeded" lib cli >"$tmp/seed.log" 2>&1 || no "seed build" "$tmp/seed.log"
fi
seed() { copy_core "$seeded" "$1"; }
fresh() { # scenario name: an empty include root and a build dir
  mkdir -p "$tmp/$1/inc"; seed "$tmp/$1/b"
}
mk() { # scenario target...
  s=$1; shift
  INC="$tmp/$s/inc" make --no-print-directory B="$tmp/$s/b" LUA_INC_ROOT="$tmp/$s/inc" \
    DEPS="sh $tmp/deps.sh" SPEC=true C_TESTS= "$@" >>"$tmp/$s/log" 2>&1
}
if [ "$have" = 0 ]; then
  no "the Lua 5.4, 5.3 and LuaJIT headers are installed (make deps)"
else
  # control: with no headers when make starts, make decides to build no module
  mkdir -p "$tmp/none/inc"
  n=$(make -n --no-print-directory B="$tmp/none/b" LUA_INC_ROOT="$tmp/none/inc" lua 2>&1 | grep -c 'core\.so')
  [ "$n" -eq 0 ] && ok "control: headers absent when make starts -> no module planned" \
    || no "control: headers absent when make starts -> no module planned ($n)"

  fresh a
  if mk a demo; then ok "fresh: make demo"; else no "fresh: make demo" "$tmp/a/log"; fi
  [ "$(mods "$tmp/a/b")" = "lua5.4 " ] && ok "fresh: make demo built the Lua 5.4 module" \
    || no "fresh: make demo built the Lua 5.4 module (built: $(mods "$tmp/a/b"))" "$tmp/a/log"
  if grep -q '^== the same from Lua' "$tmp/a/log" && grep -q 'cooperate militarily.*CHN+RUS' "$tmp/a/log"; then
    ok "fresh: the demo ran to its end"; else no "fresh: the demo ran to its end" "$tmp/a/log"; fi
  if lua5.4 -e 'local s = io.read("a"); assert(utf8.len(s), "invalid UTF-8")' <"$tmp/a/log" 2>"$tmp/a/err"; then
    ok "demo output is valid UTF-8 (no character cut in half)"; else no "demo output is valid UTF-8" "$tmp/a/err"; fi
  if mk a test; then ok "fresh: make demo, then make test"; else no "fresh: make demo, then make test" "$tmp/a/log"; fi
  [ "$(mods "$tmp/a/b")" = "lua5.4 lua5.3 luajit " ] && ok "fresh: make demo, then make test built all three modules" \
    || no "fresh: make demo, then make test built all three modules (built: $(mods "$tmp/a/b"))" "$tmp/a/log"

  fresh t
  if mk t test; then ok "fresh: make test alone"; else no "fresh: make test alone" "$tmp/t/log"; fi
  [ "$(mods "$tmp/t/b")" = "lua5.4 lua5.3 luajit " ] && ok "fresh: make test alone built all three modules" \
    || no "fresh: make test alone built all three modules (built: $(mods "$tmp/t/b"))" "$tmp/t/log"
  if mk t demo && grep -q '^== the same from Lua' "$tmp/t/log"; then ok "fresh: make test, then make demo"
  else no "fresh: make test, then make demo" "$tmp/t/log"; fi
  [ "$(cat "$tmp/t/deps.log" 2>/dev/null | tr '\n' ' ')" = "test demo " ] && ok "deps ran first for each command" \
    || no "deps ran first for each command ($(cat "$tmp/t/deps.log" 2>/dev/null | tr '\n' ' '))"
fi

# ---- 2. make env ------------------------------------------------------------
make -s --no-print-directory env >"$tmp/env-default.sh" 2>&1
if grep -qF "export LUA_CPATH_5_4=\"$root/build/lua5.4/?.so;" "$tmp/env-default.sh" &&
   grep -qF "export LUA_PATH=\"$root/lua/?.lua;$root/lua/?/init.lua;" "$tmp/env-default.sh"; then
  ok "make env: this checkout's lua/ and build/"
else no "make env: this checkout's lua/ and build/" "$tmp/env-default.sh"; fi
# with B=, another build directory: here the one `make test` built all three
# modules into above (or $B when that scenario could not run)
eb=$tmp/t/b
[ -f "$eb/lua5.3/shijian/core.so" ] || eb=$(cd "$src" 2>/dev/null && pwd)
make -s --no-print-directory env B="$eb" >"$tmp/env.sh" 2>&1 || no "make env B=" "$tmp/env.sh"
mkdir -p "$tmp/elsewhere"
for lua in lua5.4 lua5.3 luajit; do
  command -v "$lua" >/dev/null 2>&1 || { echo "skip - $lua absent"; continue; }
  out=$(cd "$tmp/elsewhere" && env -u LUA_PATH -u LUA_CPATH -u LUA_PATH_5_4 -u LUA_CPATH_5_4 \
    -u LUA_PATH_5_3 -u LUA_CPATH_5_3 sh -c '. "$1"; "$2" -e "
      local sj = require \"shijian\"
      io.write(table.concat(sj.cut(\"中俄两国空军\"), \"/\"), \" \", package.searchpath(\"shijian.core\", package.cpath))"' \
    sh "$tmp/env.sh" "$lua" 2>&1)
  case "$out" in
    "中/俄/两国/空军 $eb/$lua/shijian/core.so") ok "eval \"\$(make env)\": $lua requires shijian from elsewhere" ;;
    *) no "eval \"\$(make env)\": $lua requires shijian from elsewhere ($out)" ;;
  esac
done
# the README's Lua snippet, as written (the first lua block of "## Lua")
sed -n '/^## Lua$/,/^## /p' README.md | sed -n '/^```lua$/,/^```$/p' | sed '1d;/^```$/,$d' >"$tmp/elsewhere/readme.lua"
for lua in lua5.4 lua5.3 luajit; do
  command -v "$lua" >/dev/null 2>&1 || continue
  out=$(cd "$tmp/elsewhere" && env -u LUA_PATH -u LUA_CPATH -u LUA_PATH_5_4 -u LUA_CPATH_5_4 \
    -u LUA_PATH_5_3 -u LUA_CPATH_5_3 sh -c '. "$1"; "$2" readme.lua' sh "$tmp/env.sh" "$lua" 2>&1); rc=$?
  if [ "$rc" -eq 0 ] && printf '%s\n' "$out" | grep -q "^2020-12-22	062	.*	CHN RUS	亚太地区$" &&
     printf '%s\n' "$out" | grep -q "^nil	bad argument #1"; then
    ok "README's Lua snippet runs as written on $lua"
  else no "README's Lua snippet runs as written on $lua (exit $rc): $out"; fi
done
out=$(cd "$tmp/elsewhere" && LUA_PATH="/x/?.lua;;" sh -c '. "$1"; lua5.4 -e "io.write(package.path)"' sh "$tmp/env.sh")
case "$out" in "$root/lua/?.lua;$root/lua/?/init.lua;/x/?.lua;"*) ok "make env keeps a LUA_PATH already set" ;;
  *) no "make env keeps a LUA_PATH already set ($out)" ;; esac

echo "checkout: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
