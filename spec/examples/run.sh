#!/bin/sh
# spec/examples/run.sh — run every examples/lua/*.lua on each Lua found
# (lua5.4, lua5.3, luajit) against this checkout's build, and compare its
# output with examples/lua/NAME.expected.  The last line is
# `examples: N passed, M failed`; the exit status is non-zero on failure.
#
#   sh spec/examples/run.sh            check
#   sh spec/examples/run.sh --update   rewrite the .expected files (from lua5.4)
cd "$(dirname "$0")/../.." || exit 1
pass=0
fail=0
tmp=$(mktemp) || exit 1
trap 'rm -f "$tmp"' EXIT

lpath="./lua/?.lua;./lua/?/init.lua;;"
run() { # interpreter abi example -> output in $tmp
  LUA_PATH="$lpath" LUA_PATH_5_3="$lpath" LUA_PATH_5_4="$lpath" \
  LUA_CPATH="./build/$2/?.so;;" LUA_CPATH_5_3="./build/$2/?.so;;" LUA_CPATH_5_4="./build/$2/?.so;;" \
    "$1" "$3" > "$tmp" 2>&1
}

if [ "$1" = "--update" ]; then
  for ex in examples/lua/*.lua; do
    run lua5.4 lua5.4 "$ex" || { echo "$ex failed:"; cat "$tmp"; exit 1; }
    cp "$tmp" "${ex%.lua}.expected"
    echo "wrote ${ex%.lua}.expected"
  done
  exit 0
fi

for lua in lua5.4 lua5.3 luajit; do
  if ! command -v "$lua" >/dev/null 2>&1; then echo "skip $lua: not installed"; continue; fi
  abi=$lua
  if [ ! -f "build/$abi/shijian/core.so" ]; then
    echo "FAIL $lua: build/$abi/shijian/core.so is missing (run make)"
    fail=$((fail + 1))
    continue
  fi
  for ex in examples/lua/*.lua; do
    exp="${ex%.lua}.expected"
    if [ ! -f "$exp" ]; then
      echo "FAIL $lua $ex: no $exp (sh spec/examples/run.sh --update)"
      fail=$((fail + 1))
      continue
    fi
    if ! run "$lua" "$abi" "$ex"; then
      echo "FAIL $lua $ex: exit status $?"
      sed 's/^/    /' "$tmp"
      fail=$((fail + 1))
    elif ! diff -u "$exp" "$tmp" > "$tmp.diff"; then
      echo "FAIL $lua $ex: output differs from $exp"
      sed 's/^/    /' "$tmp.diff"
      fail=$((fail + 1))
    else
      echo "ok   $lua $ex"
      pass=$((pass + 1))
    fi
    rm -f "$tmp.diff"
  done
done
echo "examples: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
