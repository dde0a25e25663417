#!/bin/sh
# spec/lint/run.sh — static checks, one check per file:
#  1. luacheck (Debian: lua-check) over lua/, plugin/, filters/, spec/ with the
#     repository's .luacheckrc: a file passes with no warning.
#  2. the C the project ships (csrc/core, csrc/cli, csrc/tools, csrc/lua,
#     examples/c) compiles without a warning under the build's warnings plus
#     -Wconversion -Wcast-qual -Wwrite-strings (-Werror, syntax only).
#  3. the core's layers (tools/check_layers.lua): no file of csrc/core calls a
#     function of a later stage (the order is the list in that script).
# Last line: `lint: N passed, M failed`.
cd "$(dirname "$0")/../.." || exit 1
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok - $1"; }
no() { fail=$((fail + 1)); echo "not ok - $1"; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/shijian-lint.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# ---- 1. luacheck ------------------------------------------------------------
if ! command -v luacheck >/dev/null 2>&1; then
  no "luacheck is installed (Debian: lua-check)"
else
  luacheck --no-color --formatter TAP lua plugin filters spec >"$tmp/tap" 2>&1
  rc=$?
  # exit 0: clean, 1: warnings, 2: syntax errors, 3 and above: luacheck failed
  if [ "$rc" -gt 2 ] || ! grep -q '^1\.\.[1-9]' "$tmp/tap"; then
    no "luacheck ran over lua plugin filters spec (exit $rc)"; head -n 20 "$tmp/tap" | sed 's/^/    /'
  else
    luacheck --no-color --formatter plain --codes lua plugin filters spec >"$tmp/plain" 2>&1
    n=$(grep -c '^ok ' "$tmp/tap")
    pass=$((pass + n))
    echo "ok - luacheck: $n Lua files clean"
    for f in $(sed -n 's/^not ok [0-9]* \([^:]*\):.*$/\1/p' "$tmp/tap" | sort -u); do
      no "luacheck $f"
      grep "^$f:" "$tmp/plain" | sed 's/^/    /'
    done
  fi
fi

# ---- 2. C: the build's warnings and the strict ones --------------------------
STRICT="-std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
  -Wconversion -Wcast-qual -Wwrite-strings -Werror -D_POSIX_C_SOURCE=200809L -Icsrc/core -fsyntax-only"
cc_check() { # file extra-flags...
  f=$1; shift
  # shellcheck disable=SC2086
  if ${CC:-cc} $STRICT "$@" "$f" >"$tmp/cc" 2>&1; then ok "C strict warnings: $f $*"
  else no "C strict warnings: $f $*"; grep -E 'warning|error' "$tmp/cc" | head -n 10 | sed 's/^/    /'; fi
}
for f in csrc/core/*.c csrc/cli/*.c csrc/tools/*.c examples/c/*.c; do
  [ -f "$f" ] && cc_check "$f"
done
for inc in /usr/include/lua5.4 /usr/include/lua5.3 /usr/include/luajit-2.1; do
  [ -f "$inc/lua.h" ] && cc_check csrc/lua/lshijian.c -I"$inc"
done

# ---- 3. the core's layers ----------------------------------------------------
LUA=$(command -v lua5.4 || command -v lua5.3 || command -v lua || command -v luajit)
if [ -z "$LUA" ]; then no "core layers: no Lua interpreter to run tools/check_layers.lua"
elif "$LUA" tools/check_layers.lua >"$tmp/layers" 2>&1; then ok "core layers: $(tail -n 1 "$tmp/layers")"
else no "core layers (tools/check_layers.lua)"; grep -v '^note' "$tmp/layers" | head -n 20 | sed 's/^/    /'; fi

echo "lint: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
